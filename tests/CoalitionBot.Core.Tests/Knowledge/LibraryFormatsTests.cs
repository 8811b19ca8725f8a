using System.Text;
using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using static CoalitionBot.Tests.Support.DocBlock;

namespace CoalitionBot.Tests.Knowledge;

/// <summary>The library read from PDF, Word and web pages: what the index keeps and what citations say.</summary>
public sealed class LibraryFormatsTests
{
    /// <summary>The seed documents as a user's library would hold them: printed to PDF, saved as Word, published as web pages.</summary>
    internal static TempFolder SeedsAs(string format)
    {
        var folder = new TempFolder();
        File.Copy(RepoPaths.Seed("glossary.yaml"), Path.Combine(folder.Path, "glossary.yaml"));
        foreach (var seed in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var blocks = DocumentFiles.FromPlainText(File.ReadAllText(seed));
            var title = blocks[0].Text;
            var name = Path.GetFileNameWithoutExtension(seed) + "." + format;
            switch (format)
            {
                case "pdf": folder.File(name, DocumentFiles.Pdf(title, blocks)); break;
                case "docx": folder.File(name, DocumentFiles.Docx(title, blocks)); break;
                default: folder.File(name, DocumentFiles.Html(title, blocks)); break;
            }
        }
        return folder;
    }

    private static EvalReport Score(Library library, IReadOnlyList<EvalQuestion> questions, string format)
    {
        var outcomes = questions.Select(q =>
        {
            var expect = q.Expect.Select(e => e with { Source = Path.ChangeExtension(e.Source, format) }).ToList();
            var answer = library.Answers.Ask(q.Question);
            return new EvalOutcome(q with { Expect = expect }, answer, AnswerEvaluation.RankOf(answer, expect));
        }).ToList();
        return AnswerEvaluation.Score(outcomes);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    [InlineData("html")]
    public void SeedsInAnotherFormatAnswerTheHeldOutQuestionsAboutAsWellAsTheText(string format)
    {
        var questions = AnswerEvaluation.Read(Path.Combine(RepoPaths.Root, "tests", "eval", "questions.heldout.jsonl"));
        using var text = new Library(RepoPaths.Seeds);
        using var folder = SeedsAs(format);
        using var converted = new Library(folder.Path);

        var baseline = Score(text.Indexed(), questions, "txt");
        var report = Score(converted.Indexed(), questions, format);

        Assert.True(report.HitAt1 >= baseline.HitAt1 - 0.05, $"{format}: hit@1 {report.HitAt1:F2}, text {baseline.HitAt1:F2}");
        Assert.True(report.HitAt3 >= baseline.HitAt3 - 0.05, $"{format}: hit@3 {report.HitAt3:F2}, text {baseline.HitAt3:F2}");
    }

    [Fact]
    public void PdfCitationSaysItsPageAndLinksToIt()
    {
        using var folder = new TempFolder();
        folder.File("toolkit.pdf", DocumentFiles.Pdf("Resettlement toolkit",
        [
            H("Resettlement toolkit"),
            .. Enumerable.Range(1, 40).Select(i => P($"Paragraph {i} says that coordinators keep a shared calendar of consultations and hearings for every member organisation.")),
            H("Community sponsorship"),
            P("Community sponsorship lets local groups welcome a refugee family and support them through their first year, with housing, language classes and introductions to employers."),
        ]));
        folder.File(LibraryMetadata.FileName, "documents:\n  - file: toolkit.pdf\n    url: https://coalition.example.org/toolkit.pdf\n    collection: eu-advocacy\n");
        using var library = new Library(folder.Path);

        var answer = library.Indexed().Answers.Ask("How does community sponsorship support a refugee family?");

        var citation = Assert.Single(answer.Citations, c => c.Passage.StartsWith("Community sponsorship", StringComparison.Ordinal));
        Assert.True(citation.Page >= 2, $"page {citation.Page}");
        Assert.Equal($"https://coalition.example.org/toolkit.pdf#page={citation.Page}", citation.Url);
        Assert.Equal("eu-advocacy", citation.Collection);
        Assert.Equal("Resettlement toolkit", citation.Title);
    }

    [Fact]
    public void HtmlCitationLinksToTheCanonicalUrlAndHasNoPage()
    {
        using var folder = new TempFolder();
        folder.File("statements/detention.html", DocumentFiles.Html("Joint statement on detention",
        [
            H("Joint statement on detention"),
            P("Coalition members call on governments to end the immigration detention of children and to fund community-based alternatives."),
        ], "https://coalition.example.org/statements/detention"));
        using var library = new Library(folder.Path);

        var answer = library.Indexed().Answers.Ask("What do members ask about immigration detention of children?");

        var citation = answer.Citations[0];
        Assert.Equal("statements/detention.html", citation.Document);
        Assert.Equal("https://coalition.example.org/statements/detention", citation.Url);
        Assert.Null(citation.Page);
        Assert.Equal("statements", citation.Collection);
    }

    [Fact]
    public void DocumentDateIsTheCitationsUpdatedAndLibraryYamlOverridesIt()
    {
        using var folder = new TempFolder();
        var blocks = new List<DocBlock> { H("Steering group minutes"), P("The steering group agreed to publish a joint statement on reception conditions before the Council meeting.") };
        folder.File("minutes.docx", DocumentFiles.Docx("Minutes of 12 May", blocks, new DateTime(2025, 5, 12, 16, 0, 0, DateTimeKind.Utc)));
        folder.File("other.docx", DocumentFiles.Docx(null, [H("Briefing"), P("The briefing on reception conditions for the Council meeting was sent to every member organisation.")]));
        folder.File(LibraryMetadata.FileName, "documents:\n  - file: other.docx\n    title: Council briefing\n    date: 2024-11-30\n");
        using var library = new Library(folder.Path);

        var answer = library.Indexed().Answers.Ask("What about reception conditions before the Council meeting?");

        var minutes = Assert.Single(answer.Citations, c => c.Document == "minutes.docx");
        Assert.Equal(new DateTimeOffset(2025, 5, 12, 16, 0, 0, TimeSpan.Zero), minutes.Updated);
        Assert.Equal("Minutes of 12 May", minutes.Title);
        var other = Assert.Single(answer.Citations, c => c.Document == "other.docx");
        Assert.Equal(new DateTimeOffset(2024, 11, 30, 0, 0, 0, TimeSpan.Zero), other.Updated);
        Assert.Equal("Council briefing", other.Title);
    }

    [Fact]
    public void BadFilesAreSkippedAndEverythingElseIndexed()
    {
        using var folder = TempFolder.WithSeeds();
        var pdf = DocumentFiles.Pdf("Toolkit", [H("Toolkit"), P("A paragraph long enough to be a passage of its own in the toolkit for members.")]);
        folder.File("truncated.pdf", pdf[..(pdf.Length / 3)]);
        var random = new byte[4096];
        new Random(3).NextBytes(random);
        folder.File("random.docx", random);
        folder.File("nav-only.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        var scan = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        scan.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        folder.File("scan.pdf", scan.Build());
        folder.File("huge.txt", new string('x', 40_000));
        using var library = new Library(folder.Path, new Dictionary<string, string?> { ["Knowledge:MaxDocumentBytes"] = "30000" });

        var update = library.Index.Update();

        Assert.Equal(5, update.Skipped);
        Assert.Equal(5, update.Documents);
    }

    [Fact]
    public void SkippedFileIsNotReadAgainUntilItChanges()
    {
        using var folder = TempFolder.WithSeeds();
        var path = folder.File("notes.docx", Encoding.UTF8.GetBytes("not a word document"));
        using var library = new Library(folder.Path);
        Assert.Equal(1, library.Index.Update().Skipped);

        File.WriteAllBytes(path, DocumentFiles.Docx(null, [H("Notes"), P("Notes of the coordinators on the reception of families arriving at the border.")]));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var update = library.Index.Update();

        Assert.Equal(0, update.Skipped);
        Assert.Equal(["notes.docx"], update.Indexed);
    }

    [Fact]
    public void UnchangedLibraryIsNotRewritten()
    {
        using var library = new Library(RepoPaths.Seeds);
        library.Index.Update();
        var version = library.Index.Version;

        var update = library.Index.Update();

        Assert.Equal(5, update.Unchanged);
        Assert.Equal(version, library.Index.Version);
    }
}
