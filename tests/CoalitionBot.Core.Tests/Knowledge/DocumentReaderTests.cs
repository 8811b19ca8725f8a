using System.Text;
using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Tests.Knowledge;

public sealed class DocumentReaderTests
{
    private static DocumentReader ReaderFor(params string[] folders) =>
        new(Options.Create(new KnowledgeOptions { SourceFolders = [.. folders] }), Options.Create(new CoalitionBot.Storage.StorageOptions { DataPath = Path.Combine(Path.GetTempPath(), "coalitionbot-tests", "no-data") }), NullLogger<DocumentReader>.Instance);

    [Fact]
    public void OnlyTextAndMarkdownFilesAreDocuments()
    {
        using var folder = new TempFolder();
        folder.File("a.txt", "A");
        folder.File("sub/b.md", "B");
        folder.File("glossary.yaml", "terms: []");
        folder.File("picture.png", [1, 2, 3]);

        var ids = ReaderFor(folder.Path).ListFiles().Select(f => f.Id);

        Assert.Equal(["a.txt", "sub/b.md"], ids);
    }

    [Fact]
    public void BinaryFileIsSkipped()
    {
        using var folder = new TempFolder();
        var path = folder.File("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41]);

        Assert.Null(ReaderFor(folder.Path).Read("binary.txt", path));
    }

    [Fact]
    public void NonUtf8FileIsSkipped()
    {
        using var folder = new TempFolder();
        var path = folder.File("latin1.txt", Encoding.Latin1.GetBytes("Réfugiés et migrants"));

        Assert.Null(ReaderFor(folder.Path).Read("latin1.txt", path));
    }

    [Fact]
    public void ByteOrderMarkIsNotPartOfTheText()
    {
        using var folder = new TempFolder();
        var path = folder.File("bom.txt", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Réfugiés")]);

        Assert.Equal("Réfugiés", ReaderFor(folder.Path).Read("bom.txt", path)!.Text);
    }

    [Fact]
    public void SameBytesGiveTheSameHash()
    {
        using var folder = new TempFolder();
        var a = folder.File("a.txt", "same text");
        var b = folder.File("b.txt", "same text");
        var reader = ReaderFor(folder.Path);

        Assert.Equal(reader.Read("a.txt", a)!.Hash, reader.Read("b.txt", b)!.Hash);
    }

    [Fact]
    public void MissingSourceFolderIsNamedInTheError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "coalitionbot-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => ReaderFor(missing).ListFiles());

        Assert.Contains(missing, error.Message);
    }
}
