using CoalitionBot.Tests.Support;

namespace CoalitionBot.Benchmarks.Corpus;

/// <summary>
/// Turns a synthetic corpus into a library of mixed formats, as coalitions keep them: of every
/// three documents one stays .txt, one becomes a PDF (wrapped lines, running header and page
/// footer, bold headings) and one a Word file (Heading styles, lists). Same text, same questions.
/// </summary>
internal static class MixedFormats
{
    public static (int Pdf, int Docx, long Bytes) Convert(string folder)
    {
        int pdf = 0, docx = 0;
        long bytes = 0;
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (i % 3 == 0)
            {
                bytes += new FileInfo(file).Length;
                continue;
            }
            var blocks = DocumentFiles.FromPlainText(File.ReadAllText(file));
            var title = blocks.Count > 0 ? blocks[0].Text : Path.GetFileNameWithoutExtension(file);
            var written = i % 3 == 1 ? DocumentFiles.Pdf(title, blocks) : DocumentFiles.Docx(title, blocks);
            var target = Path.ChangeExtension(file, i % 3 == 1 ? ".pdf" : ".docx");
            File.WriteAllBytes(target, written);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
            File.Delete(file);
            bytes += written.Length;
            if (i % 3 == 1)
            {
                pdf++;
            }
            else
            {
                docx++;
            }
        }
        return (pdf, docx, bytes);
    }
}
