using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Teams.AdaptiveCards;
using Newtonsoft.Json.Linq;

namespace CoalitionBot.Teams.Tests.AdaptiveCards;

/// <summary>Core's joint-action forms (<see cref="ActionForms"/>) as Teams shows them and as its submits come back.</summary>
public sealed class FormCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);
    private static readonly IncomingMessage Where = new(Platforms.Teams, "aad-1", "19:c@thread.tacv2", null, "");

    [Fact]
    public void NewActionFormHasOneInputPerDraftFieldWithTheLimitsAndTheCoordinatorsZone()
    {
        var card = FormCard.Render(ActionForms.NewAction("Europe/Brussels", "19:c@thread.tacv2"));

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var inputs = Inputs(card);
        Assert.Equal([ActionDraft.Fields.Kind, ActionDraft.Fields.Title, ActionDraft.Fields.Summary, ActionDraft.Fields.Link, ActionDraft.Fields.Deadline, ActionDraft.Fields.Reminders, "dm"], inputs.Keys);
        Assert.Equal("sign-on", inputs["kind"]["value"]!.GetValue<string>());
        Assert.Equal(["sign-on", "statement", "call-to-action", "event"], inputs["kind"]["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal(ActionDraft.MaxTitle, inputs["title"]["maxLength"]!.GetValue<int>());
        Assert.Equal(ActionDraft.MaxSummary, inputs["summary"]["maxLength"]!.GetValue<int>());
        Assert.True(inputs["summary"]["isMultiline"]!.GetValue<bool>());
        Assert.Contains("Read in your time zone (Europe/Brussels)", card.ToJsonString());
        Assert.Equal("Friday 5pm, Dec 5 17:00, in 3 days", inputs["deadline"]["placeholder"]!.GetValue<string>());
        Assert.Equal("3 days, 1 day, 2 hours", inputs["reminders"]["value"]!.GetValue<string>());
        Assert.Equal("Input.Toggle", inputs["dm"]["type"]!.GetValue<string>());
        var data = Assert.Single(Buttons(card))["data"]!;
        Assert.Equal((FormCard.Submit, FormIds.NewAction), (data["action"]!.GetValue<string>(), data["form"]!.GetValue<string>()));
        Assert.Equal("19:c@thread.tacv2", data["audience"]!.GetValue<string>());
    }

    [Fact]
    public void FormWithErrorsListsThemAtTheTopAndUnderTheirFieldsKeepingTheValues()
    {
        var submit = Submit(Filled(title: "", deadline: "someday"));
        var again = ActionForms.Review(submit, Now)!;

        var card = FormCard.Render(again);

        var body = card["body"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.StartsWith("Nothing has been sent yet. Please fix:\n\n- Title: Give the action a title.\n- Deadline: ", body[1]["text"]!.GetValue<string>());
        var deadline = body.FindIndex(e => e["id"]?.GetValue<string>() == "deadline");
        Assert.Equal("Attention", body[deadline + 2]["color"]!.GetValue<string>());   // under its hint
        Assert.Equal("someday", body[deadline]["value"]!.GetValue<string>());
        Assert.Equal("true", Inputs(card)["dm"]["value"]!.GetValue<string>());
    }

    [Fact]
    public void SignFormAsksForOrganisationAndNameAndFillsInTheLastSignature()
    {
        var card = FormCard.Render(ActionForms.SignOn("act_1", new ActionResponse { ActionId = "act_1", Platform = "teams", UserId = "u", Organisation = "Caritas Europa", SignerName = "Amina Diallo" }));

        var inputs = Inputs(card);
        Assert.Equal(["organisation", "name", "title"], inputs.Keys);
        Assert.Equal("Caritas Europa", inputs["organisation"]["value"]!.GetValue<string>());
        Assert.Null(inputs["title"]["value"]);
        Assert.EndsWith("(optional)", inputs["title"]["label"]!.GetValue<string>());
        var data = Assert.Single(Buttons(card))["data"]!;
        Assert.Equal((FormIds.SignOn, "act_1"), (data["form"]!.GetValue<string>(), data["state"]!.GetValue<string>()));
    }

    [Fact]
    public void ConfirmationButtonsCarryTheDraftBackAsTeamsReturnsIt()
    {
        var confirmation = ActionForms.Review(Submit(Filled()), Now)!;
        Assert.Equal(FormIds.ConfirmAction, confirmation.Id);

        var buttons = Buttons(FormCard.Render(confirmation));

        Assert.Equal(["Create and send", "Back"], buttons.Select(b => b["title"]!.GetValue<string>()));
        // Teams hands the data back inside the activity, which Bot Framework reads with Newtonsoft.
        var back = FormCard.Read(JObject.Parse(buttons[1]["data"]!.ToJsonString()), Where, "card-1");
        Assert.True(back.Back);
        var form = ActionForms.Review(back, Now)!;
        Assert.Equal(FormIds.NewAction, form.Id);
        Assert.Equal("Dec 5 17:00", form.Fields.Single(f => f.Name == "deadline").Value);
        var confirm = FormCard.Read(JObject.Parse(buttons[0]["data"]!.ToJsonString()), Where, "card-1");
        Assert.Null(ActionForms.Review(confirm, Now));
        Assert.Equal("2026-12-05T16:00:00.0000000+00:00", ActionForms.ReadConfirmed(confirm.State)!.Value.Draft.Deadline);
    }

    [Fact]
    public void DeadlineTypedAsAnIsoDateKeepsItsMomentThoughNewtonsoftReadsItAsADate()
    {
        var data = JObject.Parse("""{ "action": "form_submit", "form": "action_new", "title": "T", "deadline": "2026-12-05T17:00:00+01:00", "audience": "19:c", "dm": "false" }""");
        Assert.Equal(JTokenType.Date, data["deadline"]!.Type);

        var submit = FormCard.Read(data, Where, null);
        var check = new ActionDraft(null, "T", null, null, submit.Value("deadline"), null, "Europe/Brussels").Check(Now);

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Values));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero), check.Deadline);
    }

    [Fact]
    public void FormsStayWithinTheCardSizeBudget()
    {
        var longText = new string('x', ActionDraft.MaxSummary);
        var withErrors = ActionForms.Review(Submit(Filled(summary: longText + "x")), Now)!;

        Assert.True(withErrors.HasErrors);
        Assert.True(ReplyCard.Utf16Bytes(FormCard.Render(withErrors)) <= ReplyCard.MaxUtf16Bytes);
        var confirmation = ActionForms.Review(Submit(Filled(summary: longText[..1000])), Now)!;
        Assert.True(ReplyCard.Utf16Bytes(FormCard.Render(confirmation)) <= ReplyCard.MaxUtf16Bytes);
    }

    private static Dictionary<string, string?> Filled(string title = "Family reunification", string deadline = "Dec 5 17:00", string summary = "Two lines.\nOf summary.") => new()
    {
        ["kind"] = "statement", ["title"] = title, ["summary"] = summary, ["link"] = "https://example.org/s",
        ["deadline"] = deadline, ["reminders"] = "2 days", ["audience"] = "19:c@thread.tacv2", ["dm"] = "true",
    };

    private static FormSubmit Submit(Dictionary<string, string?> values) =>
        new(Where, FormIds.NewAction, values, ActionForms.NewAction("Europe/Brussels", null).State);

    private static Dictionary<string, JsonObject> Inputs(JsonObject card) => card["body"]!.AsArray().Select(e => e!.AsObject())
        .Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal))
        .ToDictionary(e => e["id"]!.GetValue<string>());

    private static List<JsonObject> Buttons(JsonObject card) => card["body"]!.AsArray().Select(e => e!.AsObject())
        .Where(e => e["type"]!.GetValue<string>() == "ActionSet")
        .SelectMany(s => s["actions"]!.AsArray().Select(a => a!.AsObject()))
        .ToList();
}
