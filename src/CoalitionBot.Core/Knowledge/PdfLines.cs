using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace CoalitionBot.Knowledge;

/// <summary>One line of a PDF page: its words left to right, its font size and where it stands (PDF points, y up).</summary>
internal sealed record PdfLine(string Text, double Size, bool Bold, double Left, double Right, double Baseline);

/// <summary>Lines of a PDF page, and the running headers and footers that repeat across pages.</summary>
internal static partial class PdfLines
{
    /// <summary>Lines at the top or bottom of a page considered as running headers and footers.</summary>
    private const int EdgeLines = 2;

    /// <summary>A header or footer is on at least this share of the pages.</summary>
    private const double RunningShare = 0.5;

    /// <summary>Print this much smaller than the body text, at a page's edge, is a header or footer.</summary>
    private const double SmallPrint = 0.85;

    public static List<PdfLine> Read(Page page)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance)
            .Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.TextOrientation == TextOrientation.Horizontal)
            .OrderByDescending(w => w.BoundingBox.Bottom)
            .ThenBy(w => w.BoundingBox.Left)
            .ToList();
        var lines = new List<List<Word>>();
        foreach (var word in words)
        {
            // Words of one line share a baseline, give or take a third of their height (superscripts, mixed fonts).
            var line = lines.LastOrDefault();
            var tolerance = Math.Max(1, word.BoundingBox.Height) * 0.4;
            if (line is not null && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= tolerance)
            {
                line.Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }
        return lines.Select(ToLine).ToList();
    }

    private static PdfLine ToLine(List<Word> words)
    {
        words.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        var letters = words.SelectMany(w => w.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var sizes = letters.Select(l => l.PointSize).Order().ToList();
        var size = sizes.Count > 0 ? Math.Round(sizes[sizes.Count / 2] * 2) / 2 : 0;
        var bold = letters.Count > 0 && letters.Count(IsBold) * 10 >= letters.Count * 8;
        return new PdfLine(
            string.Join(' ', words.Select(w => w.Text)),
            size,
            bold,
            words.Min(w => w.BoundingBox.Left),
            words.Max(w => w.BoundingBox.Right),
            letters.Count > 0 ? letters.Select(l => l.StartBaseLine.Y).Order().ElementAt(letters.Count / 2) : words[0].BoundingBox.Bottom);
    }

    private static bool IsBold(Letter letter) =>
        letter.FontName is { } name && (name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase) || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Drops the lines at a page's top or bottom that repeat, digits aside, on most pages (a date,
    /// the title, a URL, "Page 3 of 9"), and lone page numbers.
    /// </summary>
    public static void RemoveRunningLines(List<List<PdfLine>> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in Edges(page).Select(l => Key(l.Text)).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var needed = Math.Max(2, (int)Math.Ceiling(pages.Count * RunningShare));
        // A one-page document repeats nothing; its header and footer are told by their small print
        // (a browser prints the date, title and address in about 8 pt above and below the page).
        var body = pages.SelectMany(p => p).GroupBy(l => l.Size).MaxBy(g => g.Sum(l => l.Text.Length))?.Key ?? 0;
        foreach (var page in pages)
        {
            var running = Edges(page).Where(l =>
                PageNumber().IsMatch(l.Text)
                || (pages.Count >= 2 && counts[Key(l.Text)] >= needed)
                || (pages.Count == 1 && page.Count > 2 * EdgeLines && l.Size < body * SmallPrint && l.Text.Length <= 150)).ToHashSet();
            page.RemoveAll(running.Contains);
        }
    }

    private static IEnumerable<PdfLine> Edges(List<PdfLine> page) =>
        page.Take(EdgeLines).Concat(page.Skip(Math.Max(EdgeLines, page.Count - EdgeLines))).Distinct();

    private static string Key(string text) => Digits().Replace(text.ToLowerInvariant(), "#");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(page\s+)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
