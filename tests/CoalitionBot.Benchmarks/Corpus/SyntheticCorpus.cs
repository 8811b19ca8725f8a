using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoalitionBot.Benchmarks.Corpus;

/// <summary>What <see cref="SyntheticCorpus.WriteTo"/> wrote; the fingerprint is a SHA-256 over every file name and byte.</summary>
internal sealed record CorpusSummary(string Folder, int Documents, long Bytes, string Fingerprint);

/// <summary>
/// A library of <c>documents</c> .txt files shaped like seeds/*.txt: a title line, blank lines,
/// short headings, paragraphs, and lead-ins ending with ':' over "  • " bullet lists. Most are
/// 0.7–2.2 KB and one in twelve is 4–9 KB, so 10,000 documents make about 20 MB. The same
/// arguments and <see cref="Version"/> give byte-identical files (and file times), because the
/// index hashes file bytes and its updates are incremental.
/// </summary>
internal sealed class SyntheticCorpus(int documents = SyntheticCorpus.DefaultDocuments, int seed = SyntheticCorpus.DefaultSeed)
{
    public const int DefaultDocuments = 10_000;
    public const int DefaultSeed = 20_251_125;

    /// <summary>Bump whenever the generated text changes, so that a cached corpus is not reused.</summary>
    public const int Version = 1;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly DateTime FirstWriteTime = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes the documents, and the seeds' glossary.yaml as the app finds it in a source folder.</summary>
    public CorpusSummary WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var text = new SyntheticText(seed);
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        for (var i = 0; i < documents; i++)
        {
            var name = $"{i.ToString("D6", CultureInfo.InvariantCulture)}_{text.Next(0, int.MaxValue):x8}{text.Next(0, int.MaxValue):x8}.txt";
            bytes += Write(folder, name, Utf8.GetBytes(Document(text)), fingerprint, FirstWriteTime.AddHours(i));
        }
        Write(folder, "glossary.yaml", SeedGlossary(), fingerprint, FirstWriteTime);
        return new CorpusSummary(folder, documents, bytes, Convert.ToHexStringLower(fingerprint.GetHashAndReset()));
    }

    private static int Write(string folder, string name, byte[] content, IncrementalHash fingerprint, DateTime lastWrite)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        File.SetLastWriteTimeUtc(path, lastWrite);
        fingerprint.AppendData(Utf8.GetBytes(name + "\n"));
        fingerprint.AppendData(content);
        return content.Length;
    }

    private static byte[] SeedGlossary()
    {
        // Embedded rather than read from seeds/ so that BenchmarkDotNet's child processes, which run from their own folder, find it.
        using var stream = typeof(SyntheticCorpus).Assembly.GetManifestResourceStream("glossary.yaml")
            ?? throw new InvalidOperationException("glossary.yaml is not embedded: see CoalitionBot.Benchmarks.csproj.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Document(SyntheticText text)
    {
        var target = text.Chance(1.0 / 12) ? text.Next(4_000, 9_000) : text.Next(700, 2_200);
        var document = new StringBuilder(target + 2_000);
        var title = text.Title();
        document.Append(title).Append('\n');
        if (text.Chance(0.5))
        {
            // The seeds repeat their title under a blank line, an artefact of how they were exported.
            document.Append('\n').Append(title).Append('\n');
        }
        if (text.Chance(0.1))
        {
            document.Append("Section: ").Append(text.Pick(SeedVocabulary.MetadataValues)).Append('\n').Append(text.MetadataLine()).Append('\n');
        }
        Block(document, text, text.Paragraph(text.Next(1, 4)));
        var numbered = 0;
        while (document.Length < target)
        {
            Section(document, text, ref numbered);
        }
        if (text.Chance(0.15))
        {
            Block(document, text, text.Chance(0.5) ? "For more information, please contact:" : "For more information check this page.");
        }
        return document.ToString();
    }

    private static void Section(StringBuilder document, SyntheticText text, ref int numbered)
    {
        switch (text.Next(0, 20))
        {
            case < 7:
                Block(document, text, text.Heading());
                Block(document, text, text.Paragraph(text.Next(2, 9)));
                if (text.Chance(0.3))
                {
                    Block(document, text, text.Paragraph(text.Next(1, 6)));
                }
                break;
            case < 12:
                Block(document, text, text.Heading());
                Block(document, text, text.LeadIn());
                Bullets(document, text);
                break;
            case < 15:
                // A paragraph whose last sentence is the lead-in of the list below it.
                Block(document, text, text.Paragraph(text.Next(0, 3)) + " " + text.LeadIn());
                Bullets(document, text);
                break;
            case < 17:
                Block(document, text, text.Heading());
                Block(document, text, text.Paragraph(text.Next(1, 5)));
                Block(document, text, text.LeadIn());
                Bullets(document, text);
                break;
            case 17:
                // "Other examples" over short lines without bullets, as in the first seed.
                var lines = Enumerable.Range(0, text.Next(2, 5)).Select(_ => text.ExampleLine()).Distinct();
                Block(document, text, "Other examples\n" + string.Join('\n', lines));
                break;
            case 18:
                numbered++;
                Block(document, text, $"{numbered.ToString(CultureInfo.InvariantCulture)}. {text.Heading()}");
                Block(document, text, text.Paragraph(text.Next(2, 6)));
                break;
            default:
                Block(document, text, "Case study");
                Block(document, text, text.CaseStudy());
                break;
        }
    }

    private static void Bullets(StringBuilder document, SyntheticText text)
    {
        var marker = text.Chance(0.85) ? "  • " : "• ";
        var spaced = text.Chance(0.1);
        var count = text.Next(3, 9);
        for (var i = 0; i < count; i++)
        {
            // Some seeds leave blank lines between items; the splitter must still see one list.
            document.Append(i == 0 || spaced ? "\n" : "").Append(marker).Append(text.BulletItem()).Append('\n');
        }
    }

    /// <summary>A block after one blank line, sometimes two (the seeds have both).</summary>
    private static void Block(StringBuilder document, SyntheticText text, string block)
    {
        document.Append(text.Chance(0.15) ? "\n\n" : "\n").Append(block.Trim()).Append('\n');
    }
}
