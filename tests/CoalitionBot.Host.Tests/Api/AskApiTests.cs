using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoalitionBot.Host.Tests.Support;

namespace CoalitionBot.Host.Tests.Api;

public sealed class AskApiTests : IAsyncLifetime
{
    private readonly CoalitionBotApplication _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _app.ReadyClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnswerComesWithCitationsInTheContractShape()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "What can diaspora groups do in a crisis?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("What can diaspora groups do in a crisis?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("found").GetBoolean());
        Assert.Contains("[1]", root.GetProperty("answer").GetString());
        Assert.Empty(root.GetProperty("suggestions").EnumerateArray());
        var first = root.GetProperty("citations")[0];
        Assert.Equal(1, first.GetProperty("n").GetInt32());
        Assert.Equal("004_949f98561308b498.txt", first.GetProperty("document").GetString());
        Assert.Equal("Practices by Stakeholder 8", first.GetProperty("title").GetString());
        Assert.Equal("Diaspora engagement in humanitarian response", first.GetProperty("section").GetString());
        Assert.StartsWith("Diaspora groups have access to migrants", first.GetProperty("passage").GetString());
        Assert.NotEmpty(first.GetProperty("highlights").EnumerateArray());
        Assert.InRange(first.GetProperty("score").GetDouble(), 0.01, 1);
        Assert.True(first.TryGetProperty("lastUpdated", out _));
    }

    [Fact]
    public async Task CollectionsLimitWhatAQuestionIsAnsweredFrom()
    {
        // The seeds sit at the top of their folder: all in the default collection "library".
        var inLibrary = await (await _client.PostAsJsonAsync("/api/ask", new { question = "What can diaspora groups do in a crisis?", collections = new[] { "Library" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await _client.PostAsJsonAsync("/api/ask", new { question = "What can diaspora groups do in a crisis?", collections = new[] { "minutes" } });

        Assert.True(inLibrary.GetProperty("found").GetBoolean());
        Assert.Equal("library", inLibrary.GetProperty("citations")[0].GetProperty("collection").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no collection named \"minutes\"", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task QuestionOutsideTheLibraryIsNotFoundWithSuggestions()
    {
        var answer = await (await _client.PostAsJsonAsync("/api/ask", new { question = "What is the office parking policy?" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(answer.GetProperty("found").GetBoolean());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
        Assert.Equal(3, answer.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"question\": \"\"}", "Please type a question")]
    [InlineData("{\"question\": \"   \"}", "Please type a question")]
    [InlineData("{}", "Please type a question")]
    [InlineData("{\"question\": 5}", "not valid JSON")]
    [InlineData("{\"question\": \"What can diaspora", "not valid JSON")]
    [InlineData("not json at all", "not valid JSON")]
    public async Task BadBodyIsA400WithAFriendlyError(string body, string expected)
    {
        var response = await _client.PostAsync("/api/ask", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task AQuestionOfSixHundredWordsIsCutNotA500()
    {
        // "aa ab ac …" up to the length limit: some 660 terms, with a pair clause each past Lucene's 1,024 clauses.
        var words = Enumerable.Range(0, 26 * 26).Select(i => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}");
        var question = string.Join(' ', words)[..2000];

        var response = await _client.PostAsJsonAsync("/api/ask", new { question });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheLongestQuestionOfLibraryWordsIsAnsweredNotA500()
    {
        // Every distinct word of the library (and the glossary's other wordings), up to the length limit: a query far past Lucene's clause limit if built naively.
        var words = Directory.EnumerateFiles(_app.SourceFolder).SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f).ToLowerInvariant(), "[a-z]{3,}").Select(m => m.Value)).Distinct();
        var question = string.Join(' ', words);
        question = question[..Math.Min(question.Length, 2000)];

        var response = await _client.PostAsJsonAsync("/api/ask", new { question });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EmptyBodyIsA400WithAFriendlyError()
    {
        var response = await _client.PostAsync("/api/ask", new StringContent("", Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Theory]
    [InlineData(2_001)]
    [InlineData(50_000)]
    public async Task OverlongQuestionIsA400(int length)
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = new string('x', length) });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "2,000");
    }

    [Fact]
    public async Task BodyThatIsNotJsonIsRefusedWithAnError()
    {
        var response = await _client.PostAsync("/api/ask", new StringContent("question=hello", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "JSON");
    }

    [Fact]
    public async Task ServerKeepsAnsweringAfterBadInput()
    {
        await _client.PostAsync("/api/ask", new StringContent("{{{{", Encoding.UTF8, "application/json"));

        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "What does an advocacy module contain?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string expected)
    {
        Assert.Equal(status, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, error.GetProperty("error").GetString());
    }
}
