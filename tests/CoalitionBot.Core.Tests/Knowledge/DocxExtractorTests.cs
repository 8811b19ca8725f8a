using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using static CoalitionBot.Tests.Support.DocBlock;

namespace CoalitionBot.Tests.Knowledge;

public sealed class DocxExtractorTests
{
    private static readonly DocxExtractor Extractor = new();

    private static readonly List<DocBlock> Minutes =
    [
        H("Steering group minutes"),
        P("The steering group met on 12 May to agree the coalition's response to the new asylum pact."),
        H("Decisions"),
        Li("Publish a joint statement before the Council meeting"),
        Li("Ask members to sign on by Friday"),
    ];

    [Fact]
    public void HeadingStylesAreHeadingsAndListParagraphsAreItems()
    {
        var text = Extractor.Extract(DocumentFiles.Docx(null, Minutes), "minutes.docx").Text;

        Assert.Equal(
            "# Steering group minutes\n\nThe steering group met on 12 May to agree the coalition's response to the new asylum pact.\n\n## Decisions\n\n• Publish a joint statement before the Council meeting\n• Ask members to sign on by Friday\n",
            text);
    }

    [Fact]
    public void TitleAndDateComeFromTheCoreProperties()
    {
        var modified = new DateTime(2025, 5, 12, 16, 0, 0, DateTimeKind.Utc);

        var text = Extractor.Extract(DocumentFiles.Docx("Minutes of 12 May", Minutes, modified), "minutes.docx");

        Assert.Equal("Minutes of 12 May", text.Title);
        Assert.Equal(new DateTimeOffset(modified), text.Updated);
    }

    [Fact]
    public void WithoutATitlePropertyTheFirstHeadingIsTheTitle()
    {
        Assert.Equal("Steering group minutes", Extractor.Extract(DocumentFiles.Docx(null, Minutes), "minutes.docx").Title);
    }

    [Fact]
    public void TableRowsAreItemsOfTheirCellsText()
    {
        var docx = DocumentFiles.Docx(null, [], more: body => body.Append(new Table(
            Row("Organisation", "Country"),
            Row("Refugee Rights Network", "Belgium"))));

        var text = Extractor.Extract(docx, "members.docx").Text;

        Assert.Equal("• Organisation | Country\n• Refugee Rights Network | Belgium\n", text);
    }

    [Fact]
    public void RandomBytesNamedDocxAreUnreadable()
    {
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);

        Assert.Throws<UnreadableDocumentException>(() => Extractor.Extract(bytes, "random.docx"));
    }

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))));
}
