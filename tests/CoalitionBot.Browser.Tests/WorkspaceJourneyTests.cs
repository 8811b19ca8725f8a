using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Actions;
using CoalitionBot.Browser.Tests.Support;
using CoalitionBot.Conversation;
using CoalitionBot.Slack.Tests.Support;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoalitionBot.Browser.Tests;

/// <summary>What a coordinator does in the workspace, against the real host, the fake Slack and the fake Bot Connector.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class WorkspaceJourneyTests(WorkspaceFixture workspace)
{
    private const string SlackChannel = "C0WEB";
    private const string Script = "<script>alert('x')</script>";

    private ActionService Actions => workspace.Services.GetRequiredService<ActionService>();

    [Fact]
    public async Task AnActionForASlackChannelAndATeamsChannelReachesBothAndCountsBothOrganisations()
    {
        // The bot knows the Teams channel once it has been @mentioned there.
        using var http = workspace.Outsider();
        using (var mention = await http.PostAsJsonAsync("/api/messages", TeamsActivities.ChannelMention(workspace.Teams.ServiceUrl, "hello", "1764000000500", "1764000000501")))
        {
            Assert.True(mention.IsSuccessStatusCode, $"Teams mention: {mention.StatusCode}");
        }
        var page = await workspace.SignedInPageAsync();
        await page.GotoAsync("/coordinators/actions/new");
        await page.GetByLabel("Title").FillAsync($"{Script} Joint letter on safe pathways");
        await page.GetByLabel("Summary (optional)").FillAsync("Ask the Council to keep safe pathways open.");
        await page.GetByLabel("Deadline").FillAsync("in 3 days");
        await page.GetByLabel("Your time zone").SelectOptionAsync("Europe/Brussels");
        await page.GetByLabel($"Teams team channel {TeamsActivities.Channel}").CheckAsync();
        await page.GetByLabel("Another Slack channel id (optional)").FillAsync(SlackChannel);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var slackPreview = page.Locator("section[aria-labelledby=preview-slack] pre");
        await Assertions.Expect(slackPreview).ToContainTextAsync($"{Script} Joint letter on safe pathways");
        await Assertions.Expect(page.Locator("section[aria-labelledby=preview-teams] pre")).ToContainTextAsync("[Sign on for my organisation]");
        await Screenshots.SaveAsync(page, "new-action");

        var slackPosts = workspace.Slack.Calls.Count(c => c.Method == "chat.postMessage");
        var teamsCalls = workspace.Teams.Calls.Count;
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and send" }).ClickAsync();
        await page.WaitForURLAsync("**/coordinators/actions/act_*");
        var id = new Uri(page.Url).AbsolutePath.Split('/').Last();
        // The title is text on the page, never markup.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"{Script} Joint letter on safe pathways");

        var slack = await workspace.Slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == SlackChannel, count: 1);
        Assert.Contains("Joint letter on safe pathways", slack.Body.ToJsonString(), StringComparison.Ordinal);
        var teams = await WaitForTeamsAsync(teamsCalls, c => c.ConversationId.StartsWith(TeamsActivities.Channel, StringComparison.Ordinal) && c.Activity.ToJsonString().Contains("safe pathways", StringComparison.Ordinal));
        Assert.Equal("POST", teams.Method);

        // A member signs on Slack (the modal), another organisation on Teams (the card).
        await workspace.Slack.SendEnvelopeAsync("interactive", SlackSubmission(id, "Caritas Europa", "Ana Pérez", "U77"), acceptsResponsePayload: true);
        await workspace.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Body.ToJsonString().Contains("Caritas Europa", StringComparison.Ordinal));
        var sign = TeamsActivities.Submit(workspace.Teams.ServiceUrl, new JsonObject
        {
            ["action"] = "form_submit", ["form"] = FormIds.SignOn, ["state"] = id, ["organisation"] = "PICUM", ["name"] = "Jonas Weber", ["title"] = "Director",
        }, "sign-form", id: "1764000000777");
        using (var signed = await http.PostAsJsonAsync("/api/messages", sign))
        {
            Assert.True(signed.IsSuccessStatusCode, $"Teams sign-on: {signed.StatusCode}");
        }

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#tally")).ToContainTextAsync("2 signed");
        await Assertions.Expect(page.Locator("#signed")).ToContainTextAsync("Caritas Europa");
        await Assertions.Expect(page.Locator("#signed")).ToContainTextAsync("PICUM");
        Assert.Equal("Caritas Europa\nPICUM", await page.Locator("#paste").InputValueAsync());
        await Assertions.Expect(page.Locator("#deliveries")).ToContainTextAsync(SlackChannel);
        await Screenshots.SaveAsync(page, "action-detail");

        var csv = await page.APIRequest.GetAsync($"/coordinators/actions/{id}?handler=Csv");
        Assert.Contains("Caritas Europa,Ana Pérez,Director,slack", await csv.TextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/coordinators/actions");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{Script} Joint letter on safe pathways" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "actions");
        Assert.Equal(2, (await Actions.GetAsync(id, CancellationToken.None))!.Tally.Signed);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BadInputOnTheNewActionFormIsShownFieldByFieldAndNothingIsSaved()
    {
        var before = (await Actions.ListAsync(CancellationToken.None)).Count;
        var page = await workspace.SignedInPageAsync();
        await page.GotoAsync("/coordinators/actions/new");
        await page.GetByLabel("Deadline").FillAsync("yesterday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-error")).ToHaveTextAsync("Give the action a title.");
        await Assertions.Expect(page.Locator("#deadline-error")).ToContainTextAsync("has already passed");
        await Assertions.Expect(page.Locator("#audience-error")).ToHaveTextAsync(ActionForms.MissingAudience);
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");

        // A 10 MB title, past the field's maxlength (as a script would post it).
        await page.EvaluateAsync("() => { const t = document.getElementById('title'); t.removeAttribute('maxlength'); t.value = 'x'.repeat(10 * 1024 * 1024); }");
        await page.GetByLabel("Deadline").FillAsync("in 3 days");
        await page.GetByLabel("Another Slack channel id (optional)").FillAsync(SlackChannel);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-error")).ToContainTextAsync("Keep the title under 200 characters");
        await Assertions.Expect(page.Locator("#deadline-error")).ToHaveCountAsync(0);

        Assert.Equal(before, (await Actions.ListAsync(CancellationToken.None)).Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUploadedDocumentIsAnsweredFromAtOnceAndBadUploadsAreRefused()
    {
        var page = await workspace.SignedInPageAsync();
        await page.GotoAsync("/coordinators/library");
        var documents = await page.Locator("#documents tbody tr").CountAsync();

        await Upload(page, "setup.exe", "MZ not a document"u8.ToArray());
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("is not a document the library reads");
        await Upload(page, "huge.md", new byte[WorkspaceFixture.MaxUploadBytes + 1].Select(_ => (byte)'a').ToArray());
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("the limit is");
        await Upload(page, "fake.pdf", "this is not a PDF"u8.ToArray());
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("is not a PDF");
        Assert.Equal(documents, await page.Locator("#documents tbody tr").CountAsync());

        var guide = $"# {Script} Zorbleton guide\n\nThe Zorbleton protocol requires quarterly flamingo audits by every member organisation.\n";
        await Upload(page, "../Zorbleton guide?.md", System.Text.Encoding.UTF8.GetBytes(guide));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Zorbleton-guide.md");
        await Assertions.Expect(page.Locator("#documents")).ToContainTextAsync($"{Script} Zorbleton guide");
        Assert.Equal(documents + 1, await page.Locator("#documents tbody tr").CountAsync());
        await Screenshots.SaveAsync(page, "library");

        using var http = workspace.Outsider();
        var answer = await (await http.PostAsJsonAsync("/api/ask", new { question = "What does the Zorbleton protocol require?" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(answer!["found"]!.GetValue<bool>(), answer.ToJsonString());
        Assert.Equal("Zorbleton-guide.md", answer["citations"]![0]!["document"]!.GetValue<string>());

        // "Remove" asks first (workspace.js); the coordinator confirms.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("tr", new() { HasText = "Zorbleton-guide.md" }).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Removed");
        Assert.Equal(documents, await page.Locator("#documents tbody tr").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnsweringAnUnansweredQuestionSendsItToTheMemberWhereTheyAsked()
    {
        const string Question = "Which flavour of quantum pastry does the secretariat prefer?";
        await workspace.Slack.SendEnvelopeAsync("events_api", FakeSlack.EventCallback(FakeSlack.DirectMessage(Question, user: "U88", channel: "D88", ts: "1764000300.000100")));
        await workspace.Slack.WaitForCallAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "D88");

        var page = await workspace.SignedInPageAsync();
        await page.GotoAsync("/coordinators/questions");
        var section = page.Locator("section.question", new() { HasText = Question });
        await Assertions.Expect(section).ToContainTextAsync("not found");
        await section.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.question", new() { HasText = Question }).Locator(".field-error")).ToHaveTextAsync("Write the answer first.");
        await Screenshots.SaveAsync(page, "questions");

        section = page.Locator("section.question", new() { HasText = Question });
        await section.GetByLabel("Answer it").FillAsync("The secretariat has no pastry policy; ask Lena at the office.");
        await section.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Answer sent to 1 member");
        var sent = await workspace.Slack.WaitForCallAsync("chat.postMessage",
            c => c.Body["channel"]?.GetValue<string>() == "D88" && c.Body.ToJsonString().Contains("no pastry policy", StringComparison.Ordinal));
        Assert.Contains("A coordinator answered your question", sent.Body.ToJsonString(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("section.question", new() { HasText = Question })).ToContainTextAsync("Answered");
        await page.Context.CloseAsync();
    }

    private static async Task Upload(IPage page, string name, byte[] content)
    {
        await page.GetByLabel("Document (PDF").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private async Task<ConnectorCall> WaitForTeamsAsync(int after, Func<ConnectorCall, bool> match)
    {
        for (var count = after + 1; ; count++)
        {
            var calls = await workspace.Teams.WaitForCallsAsync(count, TimeSpan.FromSeconds(20));
            if (calls.Skip(after).FirstOrDefault(match) is { } found)
            {
                return found;
            }
        }
    }

    private static JsonObject SlackSubmission(string actionId, string organisation, string name, string user) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = user },
        ["view"] = new JsonObject
        {
            ["callback_id"] = "action_sign",
            ["private_metadata"] = $"{SlackChannel}\n{actionId}",
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["organisation"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = organisation } },
                    ["name"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = name } },
                    ["title"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Director" } },
                },
            },
        },
    };
}
