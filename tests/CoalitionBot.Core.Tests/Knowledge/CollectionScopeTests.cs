using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Knowledge;

/// <summary>
/// A Slack channel or Teams team limited to some collections (Knowledge:Collections): ranking,
/// abstention and suggestions stay inside them; a DM searches everything.
/// </summary>
public sealed class CollectionScopeTests : IAsyncLifetime
{
    private const string EuChannel = "C0EU";
    private const string TeamsToolkits = "19:toolkits@thread.tacv2";
    private const string EuQuestion = "What does the Spotlight on the EU do?";
    private readonly TempFolder _source = new();
    private Library _library = null!;

    private ConversationEngine Engine => _library.Services.GetRequiredService<ConversationEngine>();

    public async Task InitializeAsync()
    {
        // The EU toolkit in its own top-level folder (collection "eu-advocacy"), the rest in "toolkits".
        File.Copy(RepoPaths.Seed("glossary.yaml"), Path.Combine(_source.Path, "glossary.yaml"));
        foreach (var seed in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var folder = Path.GetFileName(seed).StartsWith("003_", StringComparison.Ordinal) ? "eu-advocacy" : "toolkits";
            _source.File(Path.Combine(folder, Path.GetFileName(seed)), File.ReadAllText(seed));
        }
        _library = await new Library(_source.Path, new Dictionary<string, string?>
        {
            [$"Knowledge:Collections:Slack:{EuChannel}:0"] = "EU-Advocacy",
            // A Teams id holds ':' (the configuration's separator); set as one comma-separated value, as an environment variable would.
            [$"Knowledge:Collections:Teams:{TeamsToolkits}"] = "toolkits",
        }).StartedAsync();
    }

    public Task DisposeAsync()
    {
        _library.Dispose();
        _source.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void ScopesAreReadFromArraysAndCommaSeparatedValuesWithTeamsIdsWhole()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Collections:Slack:C1:0"] = "eu-advocacy",
            ["Knowledge:Collections:Slack:C1:1"] = "minutes",
            ["Knowledge:Collections:Teams:19:abc@thread.tacv2:0"] = "minutes",
            ["Knowledge:Collections:Teams:19:def@thread.tacv2"] = "a, b",
        }).Build();

        var scopes = LibraryScopes.Read(configuration.GetSection("Knowledge:Collections"));

        Assert.Equal(["eu-advocacy", "minutes"], scopes.For("slack", "C1").Collections!.Order());
        Assert.Equal(["minutes"], scopes.For("teams", "19:abc@thread.tacv2").Collections!);
        Assert.Equal(["minutes"], scopes.For("teams", "19:abc@thread.tacv2;messageid=1700000000000").Collections!);
        Assert.Equal(["a", "b"], scopes.For("teams", "19:def@thread.tacv2").Collections!.Order());
        Assert.True(scopes.For("slack", "D123").IsEverything);
        Assert.True(scopes.For("web", "C1").IsEverything);
    }

    [Fact]
    public async Task AChannelLimitedToACollectionAnswersFromIt()
    {
        var reply = await Engine.ReplyToAsync(new IncomingMessage(Platforms.Slack, "U1", EuChannel, null, EuQuestion), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.All(reply.Answer!.Citations, c => Assert.Equal("eu-advocacy", c.Collection));
    }

    [Fact]
    public async Task OutsideItsCollectionsTheChannelAbstainsAndSuggestsOnlyWhatItCanAnswer()
    {
        var diaspora = "What can diaspora groups do in a crisis?";
        var everywhere = await Engine.ReplyToAsync(new IncomingMessage(Platforms.Slack, "U1", "D0DM", null, diaspora, Direct: true), CancellationToken.None);
        var scoped = await Engine.ReplyToAsync(new IncomingMessage(Platforms.Slack, "U1", EuChannel, null, diaspora), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, everywhere.Kind);
        Assert.Equal(ReplyKind.NotFound, scoped.Kind);
        Assert.NotEmpty(scoped.Answer!.Suggestions);
        foreach (var suggestion in scoped.Answer.Suggestions)
        {
            var asked = await Engine.ReplyToAsync(new IncomingMessage(Platforms.Slack, "U1", EuChannel, null, suggestion), CancellationToken.None);
            Assert.True(asked.Kind == ReplyKind.Answer, $"suggested \"{suggestion}\" is not answered in the channel");
            Assert.All(asked.Answer!.Citations, c => Assert.Equal("eu-advocacy", c.Collection));
        }
    }

    [Fact]
    public async Task ATeamsChannelThreadFollowsItsChannelsScope()
    {
        var reply = await Engine.ReplyToAsync(new IncomingMessage(Platforms.Teams, "29:u1", TeamsToolkits + ";messageid=1700000000000", null, EuQuestion), CancellationToken.None);

        Assert.DoesNotContain(reply.Answer?.Citations ?? [], c => c.Collection == "eu-advocacy");
    }

    [Fact]
    public async Task NextQuestionsAfterAScopedAnswerStayInTheScope()
    {
        var reply = await Engine.ReplyToAsync(new IncomingMessage(Platforms.Slack, "U1", EuChannel, null, EuQuestion), CancellationToken.None);

        foreach (var next in reply.Buttons.Where(b => b.Action == ReplyActions.Ask).Select(b => b.Value))
        {
            var asked = await _library.Answers.AskAsync(next, null, LibraryScope.Of(["eu-advocacy"]), null, CancellationToken.None);
            Assert.True(asked.Found, $"next question \"{next}\" is not answered within the channel's collection");
        }
    }
}
