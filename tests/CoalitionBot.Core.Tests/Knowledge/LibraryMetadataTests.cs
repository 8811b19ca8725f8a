using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Knowledge;

public sealed class LibraryMetadataTests
{
    [Fact]
    public void GlobsMatchFilesAndLaterEntriesFillInWhatEarlierOnesLeftOut()
    {
        using var folder = new TempFolder();
        var path = folder.File(LibraryMetadata.FileName, """
            documents:
              - file: papers/safe-pathways.pdf
                title: Safe pathways
                url: https://coalition.example.org/safe-pathways.pdf
              - file: "papers/*.pdf"
                collection: eu-advocacy
                date: 2025-03-01
              - file: "*.docx"
                collection: minutes
            """);

        var metadata = LibraryMetadata.Load(path);

        Assert.Equal(new DocumentMetadata("Safe pathways", "https://coalition.example.org/safe-pathways.pdf", new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), "eu-advocacy"), metadata.For("papers/safe-pathways.pdf"));
        Assert.Equal("eu-advocacy", metadata.For("papers/other.pdf").Collection);
        Assert.Null(metadata.For("papers/2024/old.pdf").Collection);
        Assert.Equal("minutes", metadata.For("board/2025/may.docx").Collection);
        Assert.Equal(DocumentMetadata.None, metadata.For("readme.txt"));
    }

    [Fact]
    public void MalformedFileNamesItselfAndTheLine()
    {
        using var folder = new TempFolder();
        var path = folder.File(LibraryMetadata.FileName, "documents:\n  - file: a.pdf\n    title: [unclosed\n");

        var error = Assert.Throws<InvalidDataException>(() => LibraryMetadata.Load(path));

        Assert.StartsWith($"{path}(", error.Message);
    }

    [Fact]
    public void DateThatIsNotADateIsRefused()
    {
        using var folder = new TempFolder();
        var path = folder.File(LibraryMetadata.FileName, "documents:\n  - file: a.pdf\n    date: last spring\n");

        var error = Assert.Throws<InvalidDataException>(() => LibraryMetadata.Load(path));

        Assert.Contains("last spring", error.Message);
    }

    [Fact]
    public void MalformedLibraryYamlStopsStartUp()
    {
        using var folder = TempFolder.WithSeeds();
        folder.File(LibraryMetadata.FileName, "documents: [\n");
        using var library = new Library(folder.Path);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            library.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<KnowledgeOptions>)) is Microsoft.Extensions.Options.IOptions<KnowledgeOptions> o ? o.Value : null);

        Assert.Contains(LibraryMetadata.FileName, error.Message);
    }
}
