using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Reminders;
using CoalitionBot.Teams.AdaptiveCards;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoalitionBot.Teams.Tests.Support.Cards;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>
/// Joint actions on Teams through the whole host: a coordinator creates one with the card form, members answer
/// with the card buttons, the delivery worker broadcasts it. The clock is fake (Wednesday 25 November 2026,
/// 22:00 in Brussels), so deadlines read from words are fixed, and the worker runs only when a test says so.
/// </summary>
public sealed class TeamsActionsTests : IAsyncLifetime
{
    private const string Zone = "Europe/Brussels";
    private const string OtherAadId = "0c1d2e3f-0000-4000-8000-0000000000b2";
    private const string OtherChannelId = "29:2other-channel-id";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private TeamsConversation _teams = null!;

    public async Task InitializeAsync() =>
        _teams = await TeamsConversation.StartAsync(time: _time, settings: TeamsHost.Unpaced(new()
        {
            ["Actions:Coordinators:Teams:0"] = TeamsActivities.UserAadId,
        }));

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task CoordinatorCreatesAnActionWithTheCardFormAndItIsBroadcastToTheConversation()
    {
        var form = await _teams.SayAsync("action new");
        Assert.Equal(["kind", "title", "summary", "link", "deadline", "reminders", "dm"], Inputs(form.Card!).Select(i => i["id"]!.GetValue<string>()));
        Assert.Contains($"Read in your time zone ({Zone})", form.Card!.ToJsonString());

        var confirmation = await _teams.ClickAsync(FilledForm(form), replyToId: "form-card");
        var text = string.Join("\n", Texts(confirmation.Card!));
        Assert.Contains("Sign-on request: Protection for migrants in transit", text);
        Assert.Contains("Deadline: Friday 27 November 2026, 17:00 (Europe/Brussels) — Fri 27 Nov 16:00 UTC", text);
        Assert.Contains("Reminders: 1 day and 2 hours before the deadline", text);
        var (confirm, back) = (Button(confirmation.Card!, "Create and send"), Button(confirmation.Card!, "Back"));
        Assert.Equal(FormCard.Back, back["action"]!.GetValue<string>());

        var created = await CreateAsync(confirm);

        var action = Assert.Single(await Actions.ListAsync(CancellationToken.None));
        Assert.StartsWith($"Created “Protection for migrants in transit” ({action.Id}). It goes out now to 1 conversation; reminders 1 day and 2 hours before the deadline to those who have not answered. "
            + $"You will get the summary and the signatory list at the deadline; “action status {action.Id}” shows who has answered.", created);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), action.Deadline);
        Assert.Equal(Zone, action.TimeZone);
        Assert.Equal("https://example.org/letter", action.Link);
        var audience = Assert.Single(action.Audience);
        Assert.Equal(("teams", TeamsActivities.PersonalConversation, false), (audience.Platform, audience.Conversation, audience.Dm));

        await Worker.RunOnceAsync(CancellationToken.None);

        var broadcast = Assert.Single(_teams.Connector.Calls, c => c.Card?.ToJsonString().Contains("Protection for migrants in transit") == true && c.ActivityId is null);
        Assert.Equal(TeamsActivities.PersonalConversation, broadcast.ConversationId);
        var buttons = broadcast.Card!.ToJsonString();
        Assert.Contains(ReplyActions.SignOn, buttons);
        Assert.Contains(ReplyActions.Decline, buttons);
        Assert.Contains(ReplyActions.RemindLater, buttons);
    }

    /// <summary>
    /// "Create and send" on the confirmation card: the card is replaced by what came of it (no buttons left to press
    /// twice by mistake); returns its text.
    /// </summary>
    private async Task<string> CreateAsync(JsonObject confirm, Action<JsonObject>? change = null)
    {
        var call = await _teams.ReplyToAsync(_teams.Click(confirm, "confirmation-card", change));
        Assert.Equal(("PUT", "confirmation-card"), (call.Method, call.ActivityId));
        Assert.DoesNotContain("Create and send", call.Card!.ToJsonString());
        return string.Join("\n", Texts(call.Card!));
    }

    [Fact]
    public async Task ActionCreatedFromAChannelThreadGoesToTheChannelItself()
    {
        var form = await _teams.ReplyToAsync(TeamsActivities.ChannelMention(_teams.ServiceUrl, "action new", threadRoot: "1764000000700", id: _teams.NextId()));
        Assert.Equal($"{TeamsActivities.Channel};messageid=1764000000700", form.ConversationId);

        var confirmation = await _teams.ClickAsync(FilledForm(form), replyToId: "form-card", InThread);
        await CreateAsync(Button(confirmation.Card!, "Create and send"), InThread);

        var action = Assert.Single(await Actions.ListAsync(CancellationToken.None));
        Assert.Equal(TeamsActivities.Channel, Assert.Single(action.Audience).Conversation);
        await Worker.RunOnceAsync(CancellationToken.None);
        var broadcast = _teams.Connector.Calls[^1];
        Assert.Equal((TeamsActivities.Channel, (string?)null), (broadcast.ConversationId, broadcast.ActivityId));   // a new post, not a reply in the thread
        Assert.Contains("Protection for migrants in transit", broadcast.Card!.ToJsonString());
    }

    [Fact]
    public async Task ChangeSendsTheFormBackWithTheValuesAsTyped()
    {
        var form = await _teams.SayAsync("action new");
        var confirmation = await _teams.ClickAsync(FilledForm(form), replyToId: "form-card");

        var again = await _teams.ClickAsync(Button(confirmation.Card!, "Back"), replyToId: "confirmation-card");

        var inputs = Inputs(again.Card!).ToDictionary(i => i["id"]!.GetValue<string>());
        Assert.Equal("Friday 5pm", inputs["deadline"]["value"]!.GetValue<string>());
        Assert.Equal("Protection for migrants in transit", inputs["title"]["value"]!.GetValue<string>());
        Assert.Empty(await Actions.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FormWithMistakesComesBackWithEachErrorAndTheValuesKept()
    {
        var form = FilledForm(await _teams.SayAsync("action new"), new() { ["title"] = "", ["deadline"] = "when the moon is blue", ["link"] = "example.org" });

        var again = await _teams.ClickAsync(form, replyToId: "form-card");

        var text = string.Join("\n", Texts(again.Card!));
        Assert.Contains("- Title: Give the action a title.", text);
        Assert.Contains("- Link to the text: Give a web address starting with https://.", text);
        Assert.Contains("- Deadline: I could not read “when the moon is blue” as a date.", text);
        var inputs = Inputs(again.Card!).ToDictionary(i => i["id"]!.GetValue<string>());
        Assert.Equal("when the moon is blue", inputs["deadline"]["value"]!.GetValue<string>());
        Assert.Equal("Please sign by Friday.", inputs["summary"]["value"]!.GetValue<string>());
        Assert.Empty(await Actions.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MemberWhoIsNoCoordinatorCanNeitherOpenTheFormNorConfirmADraft()
    {
        var confirmation = await _teams.ClickAsync(FilledForm(await _teams.SayAsync("action new")), replyToId: "form-card");

        var refused = await _teams.SayAsync("action new", AsOther);
        var confirmed = await _teams.ClickAsync(Button(confirmation.Card!, "Create and send"), replyToId: "confirmation-card", AsOther);

        Assert.Equal(ActionCommands.NotCoordinator, string.Join("\n", Texts(refused.Card!)));
        Assert.Equal(ActionCommands.NotCoordinator, confirmed.Text);
        Assert.Empty(await Actions.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DoubleClickOnCreateMakesOneAction()
    {
        var confirmation = await _teams.ClickAsync(FilledForm(await _teams.SayAsync("action new")), replyToId: "form-card");
        var confirm = Button(confirmation.Card!, "Create and send");

        var first = await CreateAsync(confirm);
        var second = await _teams.ClickAsync(confirm, replyToId: "confirmation-card");

        var action = Assert.Single(await Actions.ListAsync(CancellationToken.None));
        Assert.StartsWith("Created", first);
        Assert.Equal($"I could not create “Protection for migrants in transit”: This action was already created as {action.Id}; nothing was sent twice.", second.Text);
    }

    [Fact]
    public async Task ConfirmingAfterTheDeadlinePassedCreatesNothing()
    {
        var confirmation = await _teams.ClickAsync(FilledForm(await _teams.SayAsync("action new")), replyToId: "form-card");
        _time.Advance(TimeSpan.FromDays(3));

        var again = await _teams.ClickAsync(Button(confirmation.Card!, "Create and send"), replyToId: "confirmation-card");

        Assert.Contains("has already passed", string.Join("\n", Texts(again.Card!)));
        Assert.Empty(await Actions.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MembersAnswerWithTheButtonsAndTwoMembersOfOneOrganisationCountOnce()
    {
        var id = await CreateAsync();

        var declined = await _teams.ClickAsync(Data(ReplyActions.Decline, id), replyToId: "broadcast");
        Assert.Equal("Noted: you declined for your organisation. Changed your mind? Press “Sign on” before the deadline.", declined.Text);
        var later = await _teams.ClickAsync(Data(ReplyActions.RemindLater, id), replyToId: "broadcast");
        // 22:00 in Brussels: the reminder comes at 9:00 the next morning, in the member's zone.
        Assert.Equal("I'll remind you on Thu 26 Nov 2026, 09:00 (Europe/Brussels).", later.Text);

        var form = await _teams.ClickAsync(Data(ReplyActions.SignOn, id), replyToId: "broadcast");
        Assert.Equal(["organisation", "name", "title"], Inputs(form.Card!).Select(i => i["id"]!.GetValue<string>()));
        var incomplete = await _teams.ClickAsync(SignForm(id, "Caritas Europa", ""), replyToId: "sign-form");
        Assert.Contains("Who signs for it? Your name as it should appear on the letter.", string.Join("\n", Texts(incomplete.Card!)));
        Assert.Equal("Caritas Europa", Inputs(incomplete.Card!)[0]["value"]!.GetValue<string>());
        var signed = await _teams.ClickAsync(SignForm(id, "Caritas Europa", "Amina Diallo", "Policy officer"), replyToId: "sign-form");
        // The form is replaced by what came of it.
        Assert.Equal(("PUT", "sign-form"), (signed.Method, signed.ActivityId));
        Assert.Equal("Thank you: Caritas Europa is on the list. You can change your answer until the deadline.", Assert.Single(Texts(signed.Card!)));

        var colleagueForm = await _teams.ClickAsync(Data(ReplyActions.SignOn, id), replyToId: "broadcast", AsOther);
        Assert.DoesNotContain("Caritas", colleagueForm.Card!.ToJsonString());
        await _teams.ClickAsync(SignForm(id, "caritas europa ", "Jonas Weber"), replyToId: "sign-form", AsOther);
        // The last signature fills the form in next time.
        var prefilled = await _teams.ClickAsync(Data(ReplyActions.SignOn, id), replyToId: "broadcast");
        Assert.Equal(["Caritas Europa", "Amina Diallo", "Policy officer"], Inputs(prefilled.Card!).Select(i => i["value"]!.GetValue<string>()));

        var view = (await Actions.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(new ActionTally(1, 0, 0), view.Tally);
        var organisation = Assert.Single(view.Organisations);
        Assert.Equal(("signed", 2), (organisation.Answer, organisation.Members.Count));

        var status = string.Join("\n", Texts((await _teams.SayAsync($"action status {id}")).Card!));
        Assert.Contains("1 organisations signed, 0 declined, 0 asked to be reminded.", status);
        // Which member's spelling names the organisation is Core's choice; the case may differ.
        Assert.Contains("• Caritas Europa: signed", status, StringComparison.OrdinalIgnoreCase);
        var list = string.Join("\n", Texts((await _teams.SayAsync("actions")).Card!));
        Assert.Contains($"• Joint letter ({id}) — deadline Fri 4 Dec 2026, 18:00 (Europe/Brussels) — 1 signed, 0 declined", list);
    }

    [Fact]
    public async Task ClickOnAClosedActionSaysItIsClosed()
    {
        var id = await CreateAsync();
        await Actions.CloseAsync(id, CancellationToken.None);

        var declined = await _teams.ClickAsync(Data(ReplyActions.Decline, id), replyToId: "broadcast");
        var signed = await _teams.ClickAsync(SignForm(id, "Caritas Europa", "Amina Diallo"), replyToId: "sign-form");

        Assert.Equal("“Joint letter” is closed: its deadline has passed.", declined.Text);
        Assert.Equal("“Joint letter” is closed: its deadline has passed.", signed.Text);
        Assert.Equal(new ActionTally(0, 0, 0), (await Actions.GetAsync(id, CancellationToken.None))!.Tally);
    }

    [Fact]
    public async Task CoordinatorClosesAnActionByCommandAndOthersCannot()
    {
        var id = await CreateAsync();

        var refused = await _teams.SayAsync($"action close {id}", AsOther);
        var closed = await _teams.SayAsync($"action close {id}");

        Assert.Equal(ActionCommands.NotCoordinator, string.Join("\n", Texts(refused.Card!)));
        Assert.StartsWith("Closed “Joint letter”", string.Join("\n", Texts(closed.Card!)));
        Assert.Equal("closed", (await Actions.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ClickInAChannelIsAnsweredInTheMembersPersonalChat()
    {
        var id = await CreateAsync();
        await _teams.PostAsync(TeamsActivities.ChannelMention(_teams.ServiceUrl, "help", threadRoot: "1764000000700", id: "1764000000701"));
        var click = TeamsActivities.Submit(_teams.ServiceUrl, Data(ReplyActions.Decline, id), replyToId: "broadcast", id: "1764000000702");
        InThread(click);

        var answer = await _teams.ReplyToAsync(click);

        // Teams has no ephemeral messages: the answer goes to the member's 1:1 (known from the install), not the channel.
        Assert.Equal(TeamsActivities.PersonalConversation, answer.ConversationId);
        Assert.Null(answer.ActivityId);
        Assert.StartsWith("Noted: you declined", answer.Text);
    }

    private ActionService Actions => _teams.Services.GetRequiredService<ActionService>();

    private DeliveryWorker Worker => _teams.Services.GetRequiredService<DeliveryWorker>();

    private static void InThread(JsonObject activity) =>
        activity["conversation"] = new JsonObject { ["id"] = $"{TeamsActivities.Channel};messageid=1764000000700", ["conversationType"] = "channel", ["tenantId"] = TeamsActivities.TenantId };

    private static void AsOther(JsonObject activity) =>
        activity["from"] = new JsonObject { ["id"] = OtherChannelId, ["name"] = "Jonas Weber", ["aadObjectId"] = OtherAadId };

    /// <summary>An action for the personal conversation, which the bot knows from the install, due Fri 4 Dec 17:00 UTC.</summary>
    private async Task<string> CreateAsync()
    {
        await _teams.InstallAsync();
        var request = new NewAction("sign-on", "Joint letter", "Please sign.", null, new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), Zone,
            [new NewAudience("teams", null, TeamsActivities.PersonalConversation)], ["P1D"]);
        var (action, problem) = await Actions.CreateAsync(request, "test", CancellationToken.None);
        Assert.Null(problem);
        return action!.Id;
    }

    /// <summary>The "new action" card as a coordinator fills it in and presses "Review".</summary>
    private static JsonObject FilledForm(ConnectorCall form, Dictionary<string, string>? change = null)
    {
        var typed = new Dictionary<string, string>
        {
            ["kind"] = "sign-on",
            ["title"] = "Protection for migrants in transit",
            ["summary"] = "Please sign by Friday.",
            ["link"] = "https://example.org/letter",
            ["deadline"] = "Friday 5pm",
            ["reminders"] = "1 day, 2 hours",
            ["dm"] = "false",
        };
        foreach (var (key, value) in change ?? [])
        {
            typed[key] = value;
        }
        return Filled(form.Card!, "Review", typed);
    }

    private static JsonObject Data(string action, string id) => new() { ["action"] = action, ["value"] = id };

    private static JsonObject SignForm(string id, string organisation, string name, string? title = null)
    {
        var data = new JsonObject { ["action"] = FormCard.Submit, ["form"] = FormIds.SignOn, ["state"] = id };
        data["organisation"] = organisation;
        data["name"] = name;
        if (title is not null)
        {
            data["title"] = title;
        }
        return data;
    }
}
