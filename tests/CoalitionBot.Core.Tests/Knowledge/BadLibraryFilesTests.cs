using System.Text;
using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Knowledge;

/// <summary>
/// A coalition's real folder: files that are truncated, encrypted, empty, mislabelled, too large,
/// twice in two folders or gone while being read. Each is skipped with its reason and the rest of
/// the library is indexed as if it were not there.
/// </summary>
public sealed class BadLibraryFilesTests : IDisposable
{
    private static readonly DocBlock[] Shelter =
    [
        DocBlock.H("Winter shelter programme"),
        DocBlock.P("Member organisations report on the winter shelter programme every month, with the number of nights offered."),
    ];

    private readonly TempFolder _seeds = TempFolder.WithSeeds();

    public void Dispose() => _seeds.Dispose();

    private static string ReasonFor(Library library, string name) =>
        library.Services.GetRequiredService<DocumentReader>().Unreadable.Single(u => Path.GetFileName(u.Path) == name).Reason;

    [Fact]
    public void EachBadFileIsSkippedWithItsOwnReasonAndTheSeedsAreIndexed()
    {
        var pdf = DocumentFiles.Pdf("Winter shelter programme", Shelter);
        _seeds.File("truncated.pdf", pdf[..(pdf.Length / 2)]);
        _seeds.File("encrypted.pdf", EncryptedPdf());
        _seeds.File("empty.docx", []);
        _seeds.File("really-a-pdf.docx", pdf);
        _seeds.File("really-html.pdf", Encoding.UTF8.GetBytes(DocumentFiles.Html("Shelter", Shelter)));
        _seeds.File("menu.html", "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a><a href='/about'>About</a></nav><footer>© Coalition</footer></body></html>");
        var largestSeed = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Max(f => new FileInfo(f).Length);
        _seeds.File("big.txt", new string('x', (int)largestSeed + 2_000));
        using var library = new Library(_seeds.Path, new Dictionary<string, string?> { ["Knowledge:MaxDocumentBytes"] = (largestSeed + 1_000).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var update = library.Index.Update();

        Assert.Equal(5, update.Documents);
        Assert.Equal(7, update.Skipped);
        Assert.Contains("truncated", ReasonFor(library, "truncated.pdf"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("encrypted", ReasonFor(library, "encrypted.pdf"));
        Assert.Contains("not a Word (.docx) document", ReasonFor(library, "really-a-pdf.docx"));
        Assert.NotEmpty(ReasonFor(library, "empty.docx"));
        Assert.NotEmpty(ReasonFor(library, "really-html.pdf"));
        Assert.NotEmpty(ReasonFor(library, "menu.html"));
        Assert.Contains("Knowledge:MaxDocumentBytes", ReasonFor(library, "big.txt"));
        Assert.True(library.Answers.Ask("What can diaspora groups do in a crisis?").Found);
    }

    [Fact]
    public void ASkippedFileIsReadAgainOnceItChanges()
    {
        var path = _seeds.File("shelter.docx", [0x50, 0x4B, 0x03, 0x04, 0x01]);
        using var library = new Library(_seeds.Path);
        Assert.Equal(1, library.Index.Update().Skipped);
        // Unchanged, it stays skipped (not read again, not warned about again).
        Assert.Equal((0, 1), library.Index.Update() is var again ? (again.Added, again.Skipped) : default);

        File.WriteAllBytes(path, DocumentFiles.Docx("Winter shelter programme", Shelter));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        var update = library.Index.Update();

        Assert.Equal(1, update.Added);
        Assert.Empty(library.Services.GetRequiredService<DocumentReader>().Unreadable);
        Assert.Equal("shelter.docx", library.Answers.Ask("How do member organisations report on the winter shelter programme?").Citations[0].Document);
    }

    [Fact]
    public void AWordFileOfOnlyTablesIsIndexedRowByRow()
    {
        _seeds.File("members.docx", DocumentFiles.Docx("Member organisations", [], more: body => body.Append(new Table(
            Row("Organisation", "Country", "Focal point"),
            Row("Refugee Rights Network", "Belgium", "Ana Pereira, ana@example.org"),
            Row("Kinderrechte Jetzt", "Austria", "Jonas Berger")))));
        using var library = new Library(_seeds.Path);

        var update = library.Index.Update();

        Assert.Equal(6, update.Documents);
        var answer = library.Answers.Ask("Who is the focal point of the Refugee Rights Network?");
        Assert.Equal("members.docx", answer.Citations[0].Document);
        Assert.Contains("Ana Pereira", answer.Citations[0].Passage);
    }

    [Fact]
    public void TheSameFileNameInTwoSourceFoldersIsIndexedOnce()
    {
        using var second = new TempFolder();
        var seed = Path.GetFileName(Directory.GetFiles(_seeds.Path, "004_*.txt").Single());
        second.File(seed, "A different document that happens to share the name of a seed.\n\nIts text is never indexed.");
        using var library = new Library(_seeds.Path, new Dictionary<string, string?> { ["Knowledge:SourceFolders:1"] = second.Path });

        var update = library.Index.Update();

        Assert.Equal(5, update.Documents);
        Assert.True(library.Answers.Ask("What can diaspora groups do in a crisis?").Found);
        Assert.False(library.Answers.Ask("Which document happens to share the name of a seed?").Found);
    }

    [Fact]
    public void AFileDeletedBeforeItIsReadIsNotAnErrorAndLeavesNothingBehind()
    {
        var reader = new Library(_seeds.Path).Services.GetRequiredService<DocumentReader>();
        var gone = Path.Combine(_seeds.Path, "gone.pdf");

        Assert.Null(reader.Read("gone.pdf", gone));
        Assert.DoesNotContain(reader.Unreadable, u => u.Path == gone);
    }

    /// <summary>A PDF whose trailer names a standard security handler (AES-256) with a password nobody has.</summary>
    private static byte[] EncryptedPdf()
    {
        var o = new string('A', 96);
        var body = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        void Obj(string text)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(body.ToString()));
            body.Append(offsets.Count).Append(" 0 obj\n").Append(text).Append("\nendobj\n");
        }
        Obj("<< /Type /Catalog /Pages 2 0 R >>");
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        Obj($"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -1 /O <{o}> /U <{o}> /OE <{o[..64]}> /UE <{o[..64]}> /Perms <{o[..32]}> /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF >>");
        var xref = Encoding.ASCII.GetByteCount(body.ToString());
        body.Append("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(offset.ToString("D10")).Append(" 00000 n \n");
        }
        body.Append("trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))));
}
