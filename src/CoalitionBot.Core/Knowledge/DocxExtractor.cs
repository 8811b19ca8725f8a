using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Word (.docx, OpenXml): paragraphs in body order; "Heading 1–6" and "Title" styles (or an
/// outline level) as headings; numbered or bulleted paragraphs and list styles as items; each
/// table row as an item of its cells' text. Title and date from the core properties.
/// </summary>
internal sealed class DocxExtractor : IDocumentExtractor
{
    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public ExtractedText Extract(byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException)
        {
            throw new UnreadableDocumentException("it is not a Word (.docx) document: " + e.Message);
        }
        using (word)
        {
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException("the Word document has no body");
            var styles = Styles(word.MainDocumentPart!);
            var builder = new ExtractedTextBuilder();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        Add(paragraph, styles, builder);
                        break;
                    case Table table:
                        AddTable(table, builder);
                        break;
                    case SdtBlock sdt:
                        foreach (var inner in sdt.Descendants<Paragraph>())
                        {
                            Add(inner, styles, builder);
                        }
                        break;
                }
            }
            if (builder.IsEmpty)
            {
                throw new UnreadableDocumentException("the Word document has no text");
            }
            var properties = word.PackageProperties;
            var title = properties.Title is { Length: > 0 } t ? ExtractedTextBuilder.Clean(t) : null;
            DateTimeOffset? updated = (properties.Modified ?? properties.Created) is { } date
                ? new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind)).ToUniversalTime()
                : null;
            return builder.Build("docx") with { Title = string.IsNullOrEmpty(title) ? builder.FirstHeading : title, Updated = updated };
        }
    }

    private static void Add(Paragraph paragraph, IReadOnlyDictionary<string, Style> styles, ExtractedTextBuilder builder)
    {
        var text = TextOf(paragraph);
        if (text.Length == 0)
        {
            return;
        }
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var style = styleId is not null && styles.TryGetValue(styleId, out var s) ? s : null;
        if (HeadingLevel(paragraph, styleId, style) is { } level)
        {
            builder.Heading(level, text);
        }
        else if (IsListItem(paragraph, styleId, style))
        {
            builder.Item(text);
        }
        else
        {
            builder.Paragraph(text);
        }
    }

    private static void AddTable(Table table, ExtractedTextBuilder builder)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>()
                .Select(c => string.Join(' ', c.Elements<Paragraph>().Select(TextOf).Where(t => t.Length > 0)))
                .Where(c => c.Length > 0)
                .ToList();
            builder.Item(string.Join(" | ", cells));
        }
    }

    /// <summary>Heading 1–6 by style id or name (ids are localised, names are not), "Title" as level 1, else an outline level.</summary>
    private static int? HeadingLevel(Paragraph paragraph, string? styleId, Style? style)
    {
        foreach (var name in new[] { styleId, style?.StyleName?.Val?.Value })
        {
            if (name is null)
            {
                continue;
            }
            var compact = name.Replace(" ", "", StringComparison.Ordinal);
            if (compact.Equals("Title", StringComparison.OrdinalIgnoreCase))
            {
                return 1;
            }
            if (compact.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(compact.AsSpan(7), out var level) && level is >= 1 and <= 9)
            {
                return Math.Min(level, 6);
            }
        }
        var outline = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value ?? style?.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
        return outline is >= 0 and < 6 ? outline + 1 : null;
    }

    private static bool IsListItem(Paragraph paragraph, string? styleId, Style? style) =>
        paragraph.ParagraphProperties?.NumberingProperties is not null
        || style?.StyleParagraphProperties?.NumberingProperties is not null
        || (styleId ?? "").StartsWith("List", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyDictionary<string, Style> Styles(MainDocumentPart main) =>
        main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First())
        ?? new Dictionary<string, Style>();

    /// <summary>The paragraph's text: runs, tabs and breaks as spaces; deleted revisions left out.</summary>
    private static string TextOf(OpenXmlElement paragraph)
    {
        var parts = new List<string>();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text when element.Ancestors<DeletedRun>().FirstOrDefault() is null:
                    parts.Add(text.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    parts.Add(" ");
                    break;
            }
        }
        return ExtractedTextBuilder.Clean(string.Concat(parts));
    }
}
