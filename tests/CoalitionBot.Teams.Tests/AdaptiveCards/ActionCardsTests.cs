using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Teams.AdaptiveCards;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Tests.AdaptiveCards;

public sealed class ActionCardsTests
{
    private static readonly ActionFormValues Filled = new("statement", "Family reunification", "Two lines.\nOf summary.", "https://example.org/s", "Dec 5 17:00", "2 days", "America/Guatemala", Dm: true);

    [Fact]
    public void NewActionFormHasOneInputPerDraftFieldWithTheLimitsAndTheCoordinatorsZone()
    {
        var card = ActionCards.NewActionForm(ActionFormValues.Empty("Europe/Brussels"));

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var inputs = Inputs(card);
        Assert.Equal([ActionDraft.Fields.Kind, ActionDraft.Fields.Title, ActionDraft.Fields.Summary, ActionDraft.Fields.Link, ActionDraft.Fields.Deadline, ActionDraft.Fields.Reminders, "dm"], inputs.Keys);
        Assert.Equal("sign-on", inputs["kind"]["value"]!.GetValue<string>());
        Assert.Equal(["sign-on", "statement", "call-to-action", "event"], inputs["kind"]["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal(ActionDraft.MaxTitle, inputs["title"]["maxLength"]!.GetValue<int>());
        Assert.Equal(ActionDraft.MaxSummary, inputs["summary"]["maxLength"]!.GetValue<int>());
        Assert.True(inputs["summary"]["isMultiline"]!.GetValue<bool>());
        Assert.Contains("(Europe/Brussels)", inputs["deadline"]["label"]!.GetValue<string>());
        Assert.Equal("Friday 5pm, Dec 5 17:00, in 3 days", inputs["deadline"]["placeholder"]!.GetValue<string>());
        Assert.Equal("3 days, 1 day, 2 hours", inputs["reminders"]["value"]!.GetValue<string>());
        Assert.Equal("Input.Toggle", inputs["dm"]["type"]!.GetValue<string>());
        var submit = Assert.Single(Buttons(card));
        Assert.Equal(ActionCards.NewSubmit, submit["data"]!["action"]!.GetValue<string>());
        Assert.Equal("Europe/Brussels", submit["data"]!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public void FormWithErrorsListsThemAtTheTopAndUnderTheirFieldsKeepingTheValues()
    {
        var errors = new Dictionary<string, string> { [ActionDraft.Fields.Deadline] = "Not a date.", [ActionDraft.Fields.Title] = "Give a title." };

        var card = ActionCards.NewActionForm(Filled, errors);

        var body = card["body"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal("Nothing has been sent yet. Please fix:\n\n- Title: Give a title.\n- Deadline: Not a date.", body[1]["text"]!.GetValue<string>());
        var deadline = body.FindIndex(e => e["id"]?.GetValue<string>() == "deadline");
        Assert.Equal("Not a date.", body[deadline + 1]["text"]!.GetValue<string>());
        Assert.Equal("Attention", body[deadline + 1]["color"]!.GetValue<string>());
        Assert.Equal("Dec 5 17:00", body[deadline]["value"]!.GetValue<string>());
        Assert.Equal("true", Inputs(card)["dm"]["value"]!.GetValue<string>());
    }

    [Fact]
    public void SignFormAsksForOrganisationAndNameAndFillsInTheLastSignature()
    {
        var card = ActionCards.SignForm("act_1", "Caritas Europa", "Amina Diallo", null);

        var inputs = Inputs(card);
        Assert.Equal(["organisation", "name", "title"], inputs.Keys);
        Assert.True(inputs["organisation"]["isRequired"]!.GetValue<bool>());
        Assert.True(inputs["name"]["isRequired"]!.GetValue<bool>());
        Assert.Null(inputs["title"]["isRequired"]);
        Assert.Equal("Caritas Europa", inputs["organisation"]["value"]!.GetValue<string>());
        Assert.Null(inputs["title"]["value"]);
        var data = Assert.Single(Buttons(card))["data"]!;
        Assert.Equal((ActionCards.SignSubmit, "act_1"), (data["action"]!.GetValue<string>(), data["value"]!.GetValue<string>()));
    }

    [Fact]
    public void ConfirmationButtonsCarryTheDraftBackAsTeamsReturnsIt()
    {
        var values = Filled with { Conversation = "19:c@thread.tacv2", DeadlineAt = 1_796_486_400, RequestId = "r1" };

        var card = ActionCards.Confirmation("Joint statement: Family reunification", values);

        var buttons = Buttons(card);
        Assert.Equal(["Create and send", "Change"], buttons.Select(b => b["title"]!.GetValue<string>()));
        Assert.Equal([ActionCards.NewConfirm, ActionCards.NewChange], buttons.Select(b => b["data"]!["action"]!.GetValue<string>()));
        // Teams hands the data back inside the activity, which Bot Framework reads with Newtonsoft.
        var back = ActionFormValues.FromDraft(JObject.Parse(buttons[0]["data"]!.ToJsonString()), "UTC");
        Assert.Equal(values, back);
        Assert.Equal("2026-12-05T16:00:00Z", back.ToDraft(confirmed: true).Deadline);
        Assert.Equal("Dec 5 17:00", back.ToDraft().Deadline);
    }

    [Fact]
    public void DeadlineTypedAsAnIsoDateKeepsItsMomentThoughNewtonsoftReadsItAsADate()
    {
        var submit = JObject.Parse("""{ "action": "action_new_submit", "title": "T", "deadline": "2026-12-05T17:00:00+01:00", "dm": "false" }""");
        Assert.Equal(JTokenType.Date, submit["deadline"]!.Type);

        var check = ActionFormValues.FromForm(submit, "Europe/Brussels").ToDraft().Check(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero));

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Values));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero), check.Deadline);
    }

    [Fact]
    public void FormsStayWithinTheCardSizeBudget()
    {
        var longText = new string('x', ActionDraft.MaxSummary);
        var card = ActionCards.NewActionForm(Filled with { Summary = longText }, new Dictionary<string, string> { [ActionDraft.Fields.Summary] = "Too long." });

        Assert.True(ReplyCard.Utf16Bytes(card) <= ReplyCard.MaxUtf16Bytes);
        Assert.True(ReplyCard.Utf16Bytes(ActionCards.Confirmation(longText, Filled with { Summary = longText })) <= ReplyCard.MaxUtf16Bytes);
    }

    private static Dictionary<string, JsonObject> Inputs(JsonObject card) => card["body"]!.AsArray().Select(e => e!.AsObject())
        .Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal))
        .ToDictionary(e => e["id"]!.GetValue<string>());

    private static List<JsonObject> Buttons(JsonObject card) => card["body"]!.AsArray().Select(e => e!.AsObject())
        .Where(e => e["type"]!.GetValue<string>() == "ActionSet")
        .SelectMany(s => s["actions"]!.AsArray().Select(a => a!.AsObject()))
        .ToList();
}
