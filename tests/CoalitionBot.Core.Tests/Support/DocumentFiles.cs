using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using System.Net;

namespace CoalitionBot.Tests.Support;

public enum DocBlockKind { Heading, Paragraph, Item }

/// <summary>One block of a document the tests write in several formats.</summary>
public sealed record DocBlock(DocBlockKind Kind, string Text)
{
    public static DocBlock H(string text) => new(DocBlockKind.Heading, text);
    public static DocBlock P(string text) => new(DocBlockKind.Paragraph, text);
    public static DocBlock Li(string text) => new(DocBlockKind.Item, text);
}

/// <summary>
/// Real PDF, Word and HTML files made from the same blocks, the way office tools and browsers lay
/// them out: PDFs with wrapped lines, a running header and "Page N of M" footer, headings in a larger
/// bold font; Word files with Heading styles and list numbering; HTML with navigation and footer around &lt;main&gt;.
/// </summary>
public static class DocumentFiles
{
    /// <summary>Reads a plain-text seed document into blocks: blank-line paragraphs, "•" items, short lines alone as headings.</summary>
    public static List<DocBlock> FromPlainText(string text)
    {
        var blocks = new List<DocBlock>();
        foreach (var chunk in text.Replace("\r\n", "\n").Split("\n\n"))
        {
            foreach (var raw in chunk.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }
                if (line.StartsWith('•'))
                {
                    blocks.Add(DocBlock.Li(line.TrimStart('•').Trim()));
                }
                else if (line.Length <= 90 && !".,;:!".Contains(line[^1]) && line.Split(' ').Length <= 12)
                {
                    blocks.Add(DocBlock.H(line));
                }
                else
                {
                    blocks.Add(DocBlock.P(line));
                }
            }
        }
        return blocks;
    }

    public static byte[] Pdf(string title, IReadOnlyList<DocBlock> blocks, DateTimeOffset? modified = null, double bodySize = 10.5)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        if (modified is { } date)
        {
            builder.DocumentInformation.ModifiedDate = $"D:{date.UtcDateTime:yyyyMMddHHmmss}Z";
            builder.DocumentInformation.CreationDate = builder.DocumentInformation.ModifiedDate;
        }
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        const double width = 595, height = 842, margin = 60, top = height - 70, bottom = 60;
        // Text is measured on a page of a scratch document, so the real one has only its pages.
        var scratch = new PdfDocumentBuilder();
        var scratchFonts = new Dictionary<bool, PdfDocumentBuilder.AddedFont>
        {
            [false] = scratch.AddStandard14Font(Standard14Font.Helvetica),
            [true] = scratch.AddStandard14Font(Standard14Font.HelveticaBold),
        };
        var measure = scratch.AddPage(UglyToad.PdfPig.Content.PageSize.A4);

        double Width(string text, double size, bool isBold) =>
            text.Length == 0 ? 0 : measure.MeasureText(text, size, new PdfPoint(0, 0), scratchFonts[isBold]).Max(l => l.BoundingBox.Right);

        // Lay out all lines first: the footer says "Page N of M".
        var pages = new List<List<(string Text, double Size, bool Bold, double X, double Y)>> { new() };
        var y = top;
        var first = true;
        foreach (var block in blocks)
        {
            var heading = block.Kind == DocBlockKind.Heading;
            var size = heading ? (first ? bodySize * 1.9 : bodySize * 1.4) : bodySize;
            var indent = block.Kind == DocBlockKind.Item ? 18 : 0;
            first = false;
            // The standard 14 fonts know WinAnsi only: a no-break space is a space there.
            var lines = Wrap(block.Text.Replace('\u00A0', ' ').Replace('\u202F', ' '), width - 2 * margin - indent, t => Width(t, size, heading));
            y -= heading ? size * 0.8 : size * 0.6;
            for (var i = 0; i < lines.Count; i++)
            {
                if (y - size * 1.3 < bottom)
                {
                    pages.Add([]);
                    y = top;
                }
                y -= size * 1.3;
                if (i == 0 && block.Kind == DocBlockKind.Item)
                {
                    pages[^1].Add(("•", size, false, margin + 6, y));
                }
                pages[^1].Add((lines[i], size, heading, margin + indent, y));
            }
        }
        for (var p = 0; p < pages.Count; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText($"{title} - Coalition library", 8, new PdfPoint(margin, height - 35), regular);
            page.AddText($"Page {p + 1} of {pages.Count}", 8, new PdfPoint(width - margin - 60, 30), regular);
            foreach (var (text, size, isBold, x, lineY) in pages[p])
            {
                page.AddText(text, size, new PdfPoint(x, lineY), isBold ? bold : regular);
            }
        }
        return builder.Build();
    }

    private static List<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && measure(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    public static byte[] Docx(string? title, IReadOnlyList<DocBlock> blocks, DateTime? modified = null, Action<Body>? more = null)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                Style("Heading1", "heading 1"), Style("Heading2", "heading 2"), Style("ListParagraph", "List Paragraph"));
            var level = 1;
            foreach (var block in blocks)
            {
                var properties = new ParagraphProperties();
                switch (block.Kind)
                {
                    case DocBlockKind.Heading:
                        properties.ParagraphStyleId = new ParagraphStyleId { Val = level == 1 ? "Heading1" : "Heading2" };
                        level = 2;
                        break;
                    case DocBlockKind.Item:
                        properties.ParagraphStyleId = new ParagraphStyleId { Val = "ListParagraph" };
                        properties.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 });
                        break;
                }
                body.Append(new Paragraph(properties, new Run(new Text(block.Text) { Space = SpaceProcessingModeValues.Preserve })));
            }
            more?.Invoke(body);
            if (title is not null)
            {
                word.PackageProperties.Title = title;
            }
            if (modified is { } date)
            {
                word.PackageProperties.Modified = date;
            }
        }
        return stream.ToArray();
    }

    private static Style Style(string id, string name) =>
        new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

    public static string Html(string title, IReadOnlyList<DocBlock> blocks, string? canonical = null)
    {
        var html = new System.Text.StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        if (canonical is not null)
        {
            html.Append("<link rel=\"canonical\" href=\"").Append(canonical).Append("\">");
        }
        html.Append("<style>body { font-family: sans-serif }</style><script>var tracking = 'menu home contact';</script></head><body>");
        html.Append("<header><a href=\"/\">Coalition home</a></header>");
        html.Append("<nav><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/donate\">Donate today</a></li></ul></nav><main>");
        var inList = false;
        var first = true;
        foreach (var block in blocks)
        {
            if (block.Kind != DocBlockKind.Item && inList)
            {
                html.Append("</ul>");
                inList = false;
            }
            var text = WebUtility.HtmlEncode(block.Text);
            switch (block.Kind)
            {
                case DocBlockKind.Heading:
                    html.Append(first ? "<h1>" : "<h2>").Append(text).Append(first ? "</h1>" : "</h2>");
                    break;
                case DocBlockKind.Paragraph:
                    html.Append("<p>").Append(text).Append("</p>");
                    break;
                default:
                    if (!inList)
                    {
                        html.Append("<ul>");
                        inList = true;
                    }
                    html.Append("<li>").Append(text).Append("</li>");
                    break;
            }
            first = false;
        }
        if (inList)
        {
            html.Append("</ul>");
        }
        html.Append("</main><footer>© Coalition. Privacy policy. Cookie settings.</footer></body></html>");
        return html.ToString();
    }
}
