using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using static CoalitionBot.Tests.Support.DocBlock;

namespace CoalitionBot.Tests.Knowledge;

public sealed class PdfExtractorTests
{
    private static readonly PdfExtractor Extractor = new();

    private static List<DocBlock> LongDocument() =>
    [
        H("Safe pathways toolkit"),
        P("This toolkit explains how member organisations can advocate for safe and regular pathways for people on the move."),
        .. Enumerable.Range(1, 6).SelectMany(i => new[]
        {
            H($"Chapter {i} on resettlement quotas"),
            P($"Chapter {i} describes how national resettlement quotas are negotiated with ministries, which arguments persuade parliamentarians, and how coalitions document the outcomes of community sponsorship programmes over several years of sustained engagement with the authorities."),
            P("Coordinators should keep a shared calendar of consultations, hearings and deadlines, so that every member organisation can prepare its contribution in time and speak with one voice."),
            Li("Contact the ministry's resettlement unit before the annual pledging conference;"),
            Li("Share testimonies of resettled families, with their consent, in plain language;"),
        }),
    ];

    [Fact]
    public void PagesAreCountedAndEachPassageKnowsItsPage()
    {
        var pdf = DocumentFiles.Pdf("Safe pathways toolkit", LongDocument());

        var text = Extractor.Extract(pdf, "toolkit.pdf");

        Assert.True(text.PageStarts.Count >= 2, $"expected several pages, got {text.PageStarts.Count}");
        Assert.Equal(0, text.PageStarts[0]);
        var document = new SourceDocument("toolkit.pdf", "toolkit.pdf", text.Text, "h", DateTimeOffset.UnixEpoch) { PageStarts = text.PageStarts };
        var lastChapter = text.Text.IndexOf("Chapter 6 describes", StringComparison.Ordinal);
        Assert.Equal(text.PageStarts.Count, document.PageAt(lastChapter));
        Assert.Equal(1, document.PageAt(0));
    }

    [Fact]
    public void RunningHeadersAndPageNumbersAreRemoved()
    {
        var text = Extractor.Extract(DocumentFiles.Pdf("Safe pathways toolkit", LongDocument()), "toolkit.pdf").Text;

        Assert.DoesNotContain("Coalition library", text);
        Assert.DoesNotContain("Page 1 of", text);
        Assert.DoesNotContain("Page 2 of", text);
    }

    [Fact]
    public void WrappedLinesAreJoinedIntoOneParagraph()
    {
        var text = Extractor.Extract(DocumentFiles.Pdf("Safe pathways toolkit", LongDocument()), "toolkit.pdf").Text;

        Assert.Contains("\nChapter 3 describes how national resettlement quotas are negotiated with ministries, which arguments persuade parliamentarians, and how coalitions document the outcomes of community sponsorship programmes over several years of sustained engagement with the authorities.\n", text);
    }

    [Fact]
    public void HyphenatedLineEndsAreJoined()
    {
        Assert.Equal("the protection of children", PdfBlocks.Join("the protec-", "tion of children"));
        Assert.Equal("child- and youth-friendly", PdfBlocks.Join("child-", "and youth-friendly"));
        Assert.Equal("Member States", PdfBlocks.Join("Member", "States"));
    }

    [Fact]
    public void LargerBoldLinesAreHeadingsAndBulletsAreItems()
    {
        var text = Extractor.Extract(DocumentFiles.Pdf("Safe pathways toolkit", LongDocument()), "toolkit.pdf").Text;

        Assert.Contains("# Safe pathways toolkit\n", text);
        Assert.Contains("## Chapter 2 on resettlement quotas\n", text);
        Assert.Contains("• Contact the ministry's resettlement unit before the annual pledging conference;\n• Share testimonies", text);
    }

    [Fact]
    public void TitleAndDateComeFromTheMetadata()
    {
        var modified = new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

        var text = Extractor.Extract(DocumentFiles.Pdf("Position paper on safe pathways", LongDocument(), modified), "paper.pdf");

        Assert.Equal("Position paper on safe pathways", text.Title);
        Assert.Equal(modified, text.Updated);
    }

    [Fact]
    public void WithoutMetadataTitleTheFirstHeadingIsTheTitle()
    {
        var text = Extractor.Extract(DocumentFiles.Pdf("", LongDocument()), "toolkit.pdf");

        Assert.Equal("Safe pathways toolkit", text.Title);
    }

    [Fact]
    public void PdfWithoutTextIsUnreadableAsScanned()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);

        var problem = Assert.Throws<UnreadableDocumentException>(() => Extractor.Extract(builder.Build(), "scan.pdf"));

        Assert.Contains("no text layer", problem.Message);
    }

    [Fact]
    public void TruncatedPdfThrows()
    {
        var pdf = DocumentFiles.Pdf("Safe pathways toolkit", LongDocument());

        Assert.ThrowsAny<Exception>(() => Extractor.Extract(pdf[..(pdf.Length / 3)], "broken.pdf"));
    }
}
