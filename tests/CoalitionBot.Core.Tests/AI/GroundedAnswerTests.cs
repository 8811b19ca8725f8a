using System.Diagnostics;
using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.AI;

/// <summary>
/// Generated answers through the real OpenAI and OllamaSharp clients against <see cref="FakeModelServer"/>.
/// Every theory runs once per provider: the two speak different wire formats.
/// </summary>
public sealed class GroundedAnswerTests : IAsyncLifetime
{
    private const string Question = "What can diaspora groups do in a crisis?";
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private readonly List<Library> _libraries = [];
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var library in _libraries)
        {
            library.Dispose();
        }
        await _server.DisposeAsync();
        _seeds.Dispose();
    }

    private Library Start(IDictionary<string, string?>? settings, Action<IServiceCollection>? services = null)
    {
        var library = new Library(_seeds.Path, settings, services: services).Indexed();
        _libraries.Add(library);
        return library;
    }

    private Task<Answer> ExtractiveAsync() => Start(null).AskAsync(Question);

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Ollama")]
    public async Task ModelWritesTheAnswerFromTheNumberedPassagesWithValidCitations(string provider)
    {
        _server.Reply = _ => "Diaspora groups can raise funds for humanitarian assistance [1]. They also reach migrants through their networks [1].";
        var extractive = await ExtractiveAsync();

        var answer = await Start(_server.Settings(provider)).AskAsync(Question);

        Assert.True(answer.Generated);
        Assert.Equal("Diaspora groups can raise funds for humanitarian assistance [1]. They also reach migrants through their networks [1].", answer.Text);
        AnswerAssert.SameCitations(extractive, answer);
        // The answer JSON contract of architecture.md is unchanged: no "generated" field.
        Assert.DoesNotContain("generated", System.Text.Json.JsonSerializer.Serialize(answer, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)), StringComparison.OrdinalIgnoreCase);
        var request = Assert.Single(_server.ChatRequests);
        Assert.Equal("fake-chat", request.Model);
        Assert.Contains("ONLY the numbered passages", request.System);
        Assert.Contains(Question, request.User);
        foreach (var citation in answer.Citations)
        {
            Assert.Contains($"[{citation.N}] ", request.User);
            Assert.Contains(citation.Passage.Trim(), request.User);
        }
    }

    [Theory]
    [InlineData("OpenAI", "Diaspora groups raise funds [1]. They also run schools [7].")]
    [InlineData("Ollama", "Diaspora groups raise funds [0].")]
    [InlineData("OpenAI", "Diaspora groups raise funds for humanitarian assistance.")]
    [InlineData("Ollama", "Diaspora groups raise funds [1]. They also run schools and clinics everywhere.")]
    [InlineData("OpenAI", "")]
    public async Task AnswerWhoseCitationsDoNotCheckOutFallsBackToTheExtractiveAnswer(string provider, string reply)
    {
        _server.Reply = _ => reply;
        var extractive = await ExtractiveAsync();

        var answer = await Start(_server.Settings(provider)).AskAsync(Question);

        Assert.Equal(1, _server.ChatCalls);
        Assert.False(answer.Generated);
        AnswerAssert.Same(extractive, answer);
    }

    [Theory]
    [InlineData("OpenAI", ModelFault.Error)]
    [InlineData("Ollama", ModelFault.Error)]
    [InlineData("OpenAI", ModelFault.Garbage)]
    [InlineData("Ollama", ModelFault.Garbage)]
    public async Task BrokenModelServerGivesTheExtractiveAnswer(string provider, ModelFault fault)
    {
        _server.ChatFault = fault;
        var extractive = await ExtractiveAsync();

        var answer = await Start(_server.Settings(provider)).AskAsync(Question);

        AnswerAssert.Same(extractive, answer);
    }

    [Fact]
    public async Task ModelServerThatIsDownGivesTheExtractiveAnswer()
    {
        var settings = _server.Settings("OpenAI");
        settings["AI:Endpoint"] = $"http://127.0.0.1:{ClosedPort()}/v1";
        var extractive = await ExtractiveAsync();

        var answer = await Start(settings).AskAsync(Question);

        AnswerAssert.Same(extractive, answer);
    }

    /// <summary>A port nothing listens on: one the OS just gave out and took back.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Ollama")]
    public async Task ModelThatNeverAnswersGivesTheExtractiveAnswerOnceTheTimeoutHasPassed(string provider)
    {
        _server.ChatFault = ModelFault.Hang;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var extractive = await ExtractiveAsync();
        var library = Start(_server.Settings(provider, timeout: "00:00:05"), services => services.AddSingleton<TimeProvider>(clock));

        var asking = library.AskAsync(Question);
        await _server.ChatArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.False(asking.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var answer = await asking.WaitAsync(TimeSpan.FromSeconds(30));

        AnswerAssert.Same(extractive, answer);
    }

    [Fact]
    public async Task ModelThatNeverAnswersOnTheRealClockGivesTheExtractiveAnswer()
    {
        // The fake-clock tests above pin the deadline down; this one shows the real timer ends the wait too.
        // (How fast is the benchmarks' business, not an assertion here.)
        _server.ChatFault = ModelFault.Hang;
        var extractive = await ExtractiveAsync();
        var library = Start(_server.Settings("OpenAI", timeout: "00:00:01"));

        var answer = await library.AskAsync(Question);

        AnswerAssert.Same(extractive, answer);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Ollama")]
    public async Task QuestionTheLibraryDoesNotCoverNeverReachesTheModel(string provider)
    {
        var answer = await Start(_server.Settings(provider)).AskAsync("Who won the football world cup?");

        Assert.False(answer.Found);
        Assert.Equal(0, _server.ChatCalls);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Ollama")]
    public async Task StreamedTextArrivesInPiecesAndTheCheckedAnswerIsReturned(string provider)
    {
        const string Reply = "Diaspora groups can raise funds [1]. They register migrants for assistance [1]. They act as intermediaries with authorities [1]. They volunteer with other responders [1].";
        _server.Reply = _ => Reply;
        var library = Start(_server.Settings(provider));
        var seen = new List<string>();

        var answer = await library.Answers.AskAsync(Question, (text, _) => { seen.Add(text); return Task.CompletedTask; }, CancellationToken.None);

        Assert.True(library.Answers.Streams);
        Assert.True(answer.Generated);
        Assert.Equal(Reply, answer.Text);
        Assert.Equal(
            ["Diaspora groups can raise funds [1].", "Diaspora groups can raise funds [1]. They register migrants for assistance [1].", "Diaspora groups can raise funds [1]. They register migrants for assistance [1]. They act as intermediaries with authorities [1].", Reply],
            seen.Select(s => s.TrimEnd('.') + "."));
        Assert.True(Assert.Single(_server.ChatRequests).Stream);
    }

    [Fact]
    public async Task StreamedTextWithAnUnknownCitationIsNotShownFromThatPointOn()
    {
        _server.Reply = _ => "Diaspora groups can raise funds [1]. PWNED [9]. They also volunteer [1].";
        var library = Start(_server.Settings("OpenAI"));
        var seen = new List<string>();

        var answer = await library.Answers.AskAsync(Question, (text, _) => { seen.Add(text); return Task.CompletedTask; }, CancellationToken.None);

        Assert.False(answer.Generated);
        Assert.All(seen, s => Assert.DoesNotContain("PWNED", s));
        Assert.Equal("Diaspora groups can raise funds [1]", Assert.Single(seen));
    }

    [Fact]
    public async Task IdenticalQuestionIsAnsweredFromTheCache()
    {
        _server.Reply = _ => "Diaspora groups can raise funds [1].";
        var library = Start(_server.Settings("OpenAI"));

        var first = await library.AskAsync(Question);
        var second = await library.AskAsync(Question);

        AnswerAssert.Same(first, second);
        Assert.True(second.Generated);
        Assert.Equal(1, _server.ChatCalls);
    }

    [Fact]
    public void WithoutAProviderNoModelClientIsRegistered()
    {
        var library = Start(null);

        Assert.Null(library.Services.GetService<Microsoft.Extensions.AI.IChatClient>());
        Assert.Null(library.Services.GetService<CoalitionBot.AI.AIAnswering>());
        Assert.False(library.Answers.Streams);
    }
}
