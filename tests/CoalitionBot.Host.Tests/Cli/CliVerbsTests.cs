using System.Text.Json;
using CoalitionBot.Host.Tests.Support;

namespace CoalitionBot.Host.Tests.Cli;

public sealed class CliVerbsTests : IDisposable
{
    private readonly Support.Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task AskPrintsTheAnswerWithNumberedCitations()
    {
        var result = await _cli.RunAsync("ask", "What can diaspora groups do in a crisis?");

        result.Exited(0);
        Assert.Contains("[1]", result.Output);
        Assert.Contains("[1] 004_949f98561308b498.txt — Practices by Stakeholder 8 › Diaspora engagement in humanitarian response", result.Output);
        Assert.Contains("│ Diaspora groups have access to migrants", result.Output);
    }

    [Fact]
    public async Task AskAsJsonIsTheAnswerContract()
    {
        var result = await _cli.RunAsync("ask", "--format", "json", "What does an advocacy module contain?");

        result.Exited(0);
        var answer = JsonDocument.Parse(result.Output).RootElement;
        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Equal("003_d7f48822047bd3f1.txt", answer.GetProperty("citations")[0].GetProperty("document").GetString());
    }

    [Fact]
    public async Task AskJsonlAnswersEachLineInOrder()
    {
        var input = "What can diaspora groups do in a crisis?\nHow do I reset my laptop password?\nWhat is the common goal of the alliance?\n";

        var result = await _cli.RunWithInputAsync(input, "ask", "--format", "jsonl");

        result.Exited(0);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("How do I reset my laptop password?", lines[1].GetProperty("question").GetString());
        Assert.Equal([true, false, true], lines.Select(l => l.GetProperty("found").GetBoolean()));
    }

    [Fact]
    public async Task JsonlLineThatIsNotAQuestionGetsAnErrorInItsPlace()
    {
        var input = "What can diaspora groups do in a crisis?\n" + new string('x', 2_500) + "\nWhat is the common goal of the alliance?\n";

        var result = await _cli.RunWithInputAsync(input, "ask", "--format", "jsonl");

        result.Exited(2);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("2,000", JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString());
        Assert.True(JsonDocument.Parse(lines[2]).RootElement.GetProperty("found").GetBoolean());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyQuestionExitsWithCode2AndSaysWhy(string question)
    {
        var result = await _cli.RunAsync("ask", question);

        result.Exited(2);
        Assert.Contains("Please type a question", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task OverlongQuestionExitsWithCode2()
    {
        var result = await _cli.RunAsync("ask", new string('x', 2_001));

        result.Exited(2);
        Assert.Contains("2,000", result.Error);
    }

    [Fact]
    public async Task NotFoundAnswerListsTopicsToTry()
    {
        var result = await _cli.RunAsync("ask", "What is the office parking policy?");

        result.Exited(0);
        Assert.Contains("could not find", result.Output);
        Assert.Contains("Try asking about:", result.Output);
    }

    [Fact]
    public async Task IndexReportsWhatChanged()
    {
        var first = await _cli.RunAsync("index");
        var second = await _cli.RunAsync("index");
        var rebuilt = await _cli.RunAsync("index", "--rebuild");

        first.Exited(0);
        Assert.Contains("5 added", first.Output);
        Assert.Contains("0 added, 0 changed, 5 unchanged", second.Output);
        Assert.Contains("5 added", rebuilt.Output);
        Assert.Contains("Indexing: 5/5 documents", rebuilt.Error);
    }

    [Fact]
    public async Task IndexAndLibraryNameTheFilesThatCouldNotBeReadAndWhy()
    {
        File.WriteAllBytes(Path.Combine(_cli.SourceFolder, "minutes.docx"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]);

        var indexed = await _cli.RunAsync("index");
        var library = await _cli.RunAsync("library");

        indexed.Exited(0);
        Assert.Contains("5 added", indexed.Output);
        Assert.Contains("1 skipped", indexed.Output);
        Assert.Contains("skipped " + Path.Combine(_cli.SourceFolder, "minutes.docx") + ": it is not a Word (.docx) document", indexed.Output);
        library.Exited(0);
        Assert.Matches(@"004_949f98561308b498\.txt\s+txt\s+-\s+\d+\s+library\s+\d{4}-\d\d-\d\d \d\d:\d\d", library.Output);
        Assert.Contains("5 documents,", library.Output);
        Assert.Contains("1 files could not be read:", library.Output);
        Assert.Contains("minutes.docx: it is not a Word (.docx) document", library.Output);
    }

    [Fact]
    public async Task EvalPrintsTheFigures()
    {
        var questions = Path.Combine(_cli.DataPath, "questions.jsonl");
        await File.WriteAllLinesAsync(questions,
        [
            """{"id": "a", "question": "What can diaspora groups do in a crisis?", "expect": [{"source": "004_949f98561308b498.txt", "contains": "Diaspora groups have access to migrants"}]}""",
            """{"id": "b", "question": "How do I reset my laptop password?", "expect": []}""",
        ]);

        var result = await _cli.RunAsync("eval", "--questions", questions);

        result.Exited(0);
        Assert.Contains("hit@1: 1.00  hit@3: 1.00  MRR: 1.00  abstention accuracy: 1.00", result.Output);
    }

    [Fact]
    public async Task EvalBelowARequiredFigureExitsWithCode3()
    {
        var questions = Path.Combine(_cli.DataPath, "questions.jsonl");
        await File.WriteAllLinesAsync(questions,
        [
            """{"id": "a", "question": "What can diaspora groups do in a crisis?", "expect": [{"source": "001_7d3c74ba043f25da.txt", "contains": "no such text"}]}""",
        ]);

        var result = await _cli.RunAsync("eval", "--questions", questions, "--min-hit-at-1", "0.9");

        result.Exited(3);
        Assert.Contains("hit@1 is 0.00, below the required 0.90", result.Error);
        Assert.Contains("a (rank none)", result.Output);
    }

    [Fact]
    public async Task EvalOfAMissingFileSaysSo()
    {
        var result = await _cli.RunAsync("eval", "--questions", "/no/such/questions.jsonl");

        result.Exited(2);
        Assert.Contains("/no/such/questions.jsonl", result.Error);
    }

    [Fact]
    public async Task ChatAnswersUntilQuit()
    {
        var result = await _cli.RunWithInputAsync("What does the Spotlight on the EU do?\n\nquit\nWhat can diaspora groups do?\n", "chat");

        result.Exited(0);
        Assert.Contains("2. Spotlight on the EU", result.Output);
        Assert.DoesNotContain("Diaspora engagement", result.Output);
    }

    [Fact]
    public async Task MissingSourceFolderIsAClearErrorNamingIt()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var missing = "/tmp/coalitionbot-no-such-source-" + Guid.NewGuid().ToString("N");

        var exitCode = await CoalitionBot.Host.Cli.CliVerbs.RunAsync(
            ["ask", "What can diaspora groups do?", $"--Knowledge:SourceFolders:0={missing}", $"--DataPath={_cli.DataPath}"],
            new CoalitionBot.Host.Cli.CliConsole(new StringReader(""), output, error));

        Assert.Equal(1, exitCode);
        Assert.Contains(missing, error.ToString());
    }
}
