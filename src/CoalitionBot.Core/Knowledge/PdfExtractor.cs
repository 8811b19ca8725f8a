using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace CoalitionBot.Knowledge;

/// <summary>
/// PDF (PdfPig): lines rebuilt from words, page by page; running headers and footers dropped;
/// lines joined into paragraphs (a wrapped line continues, a short one ends its paragraph,
/// a hyphen at a line end is joined); bullets as list items; lines in a larger or bold font
/// as headings. Title and date from the document information, else the first heading.
/// </summary>
internal sealed partial class PdfExtractor : IDocumentExtractor
{
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public ExtractedText Extract(byte[] bytes, string fileName)
    {
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new UnreadableDocumentException("it is an encrypted PDF (needs a password)");
        }
        using (pdf)
        {
            var pages = pdf.GetPages().Select(PdfLines.Read).ToList();
            if (pages.All(p => p.Count == 0))
            {
                throw new UnreadableDocumentException("no text layer: scanned PDF?");
            }
            PdfLines.RemoveRunningLines(pages);
            var blocks = PdfBlocks.Read(pages);
            var builder = new ExtractedTextBuilder();
            var page = 0;   // pages started so far
            foreach (var block in blocks)
            {
                while (page <= block.Page)
                {
                    builder.Page();
                    page++;
                }
                switch (block.Kind)
                {
                    case PdfBlockKind.Heading: builder.Heading(block.Level, block.Text); break;
                    case PdfBlockKind.Item: builder.Item(block.Text); break;
                    default: builder.Paragraph(block.Text); break;
                }
            }
            while (page < pages.Count)
            {
                builder.Page();
                page++;
            }
            var info = pdf.Information;
            return builder.Build("pdf") with
            {
                Title = MeaningfulTitle(info.Title, fileName) ?? builder.FirstHeading,
                Updated = Date(info),
            };
        }
    }

    /// <summary>Office tools write "Microsoft Word - report.docx" or the file name as the title: that names nothing.</summary>
    private static string? MeaningfulTitle(string? title, string fileName)
    {
        var clean = title is null ? "" : ExtractedTextBuilder.Clean(title);
        if (clean.Length == 0 || clean.StartsWith("Microsoft Word - ", StringComparison.OrdinalIgnoreCase) || FileLike().IsMatch(clean)
            || string.Equals(clean, Path.GetFileNameWithoutExtension(fileName), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return clean;
    }

    private static DateTimeOffset? Date(DocumentInformation info)
    {
        try
        {
            return info.GetModifiedDateTimeOffset() ?? info.GetCreatedDateTimeOffset();
        }
        catch (ArgumentException)
        {
            // A malformed date string in the metadata: the file's own time will do.
            return null;
        }
    }

    [GeneratedRegex(@"^[\w\-. ]+\.(pdf|docx?|txt|html?|md)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileLike();
}
