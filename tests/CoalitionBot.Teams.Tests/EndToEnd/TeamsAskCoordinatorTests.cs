using System.Text.Json.Nodes;
using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using CoalitionBot.Teams.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoalitionBot.Teams.Tests.Support.Cards;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>
/// "Ask a coordinator" on Teams through the whole host: the member's question goes to the coordinators' channel as a
/// new post, a coordinator answers in that post's thread (@mentioning the bot), the answer reaches the member, and
/// "Save as answer" puts it in the library.
/// </summary>
public sealed class TeamsAskCoordinatorTests : IAsyncLifetime
{
    private const string Coordinators = "19:coordinators@thread.tacv2";
    private const string CoordinatorId = "29:4coordinator-channel-id";
    private const string CoordinatorAadId = "4d5e6f70-0000-4000-8000-0000000000d4";
    private const string Question = "What is the parking policy at the Brussels office?";
    private TeamsConversation _teams = null!;

    public async Task InitializeAsync() =>
        _teams = await TeamsConversation.StartAsync(settings: TeamsHost.Unpaced(new() { ["AskCoordinators:Teams"] = Coordinators }));

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task QuestionGoesToTheCoordinatorsTheirThreadReplyReachesTheMemberAndSavingAnswersItNextTime()
    {
        // The bot knows the coordinators' channel once someone there has @mentioned it (or it was installed there).
        await _teams.ReplyToAsync(CoordinatorMessage("help", threadRoot: null, id: "1764000000900"));

        // A question the library does not answer offers "Ask a coordinator".
        var notFound = await _teams.SayAsync(Question);
        var ask = Button(notFound.Card!, "Ask a coordinator");
        Assert.Equal(ReplyActions.AskCoordinator, ask["action"]!.GetValue<string>());

        var asked = await _teams.RepliesToAsync(_teams.Click(ask, replyToId: notFound.ResponseId!));

        Assert.Equal(2, asked.Count);
        var post = Assert.Single(asked, c => c.ConversationId == Coordinators);
        Assert.Null(post.ActivityId);   // a new post: its thread is where the coordinators answer
        Assert.Contains(Question, post.Card!.ToJsonString());
        var told = Assert.Single(asked, c => c.ConversationId == TeamsActivities.PersonalConversation);
        Assert.Contains("passed your question to the coordinators", told.Text);   // a few words for the member alone: a text message
        await using (var db = await _teams.Db())
        {
            var stored = await db.Set<CoordinatorQuestion>().SingleAsync();
            Assert.Equal(post.ResponseId, stored.CoordinatorMessage);
        }

        // A coordinator answers in the post's thread, mentioning the bot: the member gets it, the coordinators get "Save as answer".
        var answered = await _teams.RepliesToAsync(CoordinatorMessage("Visitors park in the courtyard; book a space with reception a day ahead.", threadRoot: post.ResponseId, id: "1764000000950"));

        Assert.Equal(2, answered.Count);   // and no answer to it as if it were a question
        var toMember = Assert.Single(answered, c => c.ConversationId == TeamsActivities.PersonalConversation);
        Assert.Contains("Visitors park in the courtyard", toMember.Card!.ToJsonString());
        Assert.DoesNotContain("<at>", toMember.Card!.ToJsonString());
        var offer = Assert.Single(answered, c => c.ConversationId == $"{Coordinators};messageid={post.ResponseId}");
        var save = Button(offer.Card!, "Save as answer");

        var saved = await _teams.ClickAsync(save, replyToId: offer.ResponseId!, a => InCoordinatorsChannel(a, threadRoot: post.ResponseId!));

        Assert.Contains("Saved as", saved.Card!.ToJsonString());
        var answer = await _teams.Services.GetRequiredService<AnswerService>().AskAsync(Question, CancellationToken.None);
        Assert.True(answer.Found);
        Assert.StartsWith("Coordinator answer, ", answer.Citations[0].Title, StringComparison.Ordinal);
        Assert.Contains("courtyard", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MentionInAnotherThreadOfTheCoordinatorsChannelIsAnsweredAsAQuestion()
    {
        await _teams.ReplyToAsync(CoordinatorMessage("help", threadRoot: null, id: "1764000000900"));

        var reply = await _teams.ReplyToAsync(CoordinatorMessage("What can diaspora groups do in a crisis?", threadRoot: "1764000000900", id: "1764000000901"));

        Assert.Contains("004_949f98561308b498.txt", reply.Card!.ToJsonString());
        await using var db = await _teams.Db();
        Assert.Empty(await db.Set<CoordinatorQuestion>().ToListAsync());
    }

    /// <summary>A coordinator's @mention in the coordinators' channel: a new post, or a reply in the thread of <paramref name="threadRoot"/>.</summary>
    private JsonObject CoordinatorMessage(string text, string? threadRoot, string id)
    {
        var activity = TeamsActivities.ChannelMention(_teams.ServiceUrl, text, threadRoot: threadRoot ?? id, id: id);
        InCoordinatorsChannel(activity, threadRoot);
        return activity;
    }

    private static void InCoordinatorsChannel(JsonObject activity, string? threadRoot)
    {
        activity["conversation"] = new JsonObject
        {
            ["id"] = threadRoot is null ? Coordinators : $"{Coordinators};messageid={threadRoot}",
            ["conversationType"] = "channel",
            ["tenantId"] = TeamsActivities.TenantId,
        };
        activity["from"] = new JsonObject { ["id"] = CoordinatorId, ["name"] = "Maria Costa", ["aadObjectId"] = CoordinatorAadId };
        activity["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = Coordinators },
            ["team"] = new JsonObject { ["id"] = "19:coordinators-team@thread.tacv2" },
            ["tenant"] = new JsonObject { ["id"] = TeamsActivities.TenantId },
        };
    }
}
