using System.Text.RegularExpressions;

namespace CoalitionBot.Knowledge;

internal enum PdfBlockKind { Paragraph, Heading, Item }

/// <param name="Page">0-based page the block starts on.</param>
internal sealed record PdfBlock(PdfBlockKind Kind, string Text, int Page, int Level);

/// <summary>
/// Rebuilds headings, paragraphs and list items from the lines of a PDF's pages. A PDF knows
/// only positioned lines: a line continues the paragraph above when it is close below it in
/// the same font and the line above ran to the right margin (it was wrapped); a bullet glyph
/// starts a list item; a larger font, or a short bold line, is a heading.
/// </summary>
internal static partial class PdfBlocks
{
    private const double HeadingSizeRatio = 1.12;
    private const int MaxHeadingLength = 200;
    private const int MaxBoldHeadingLength = 90;

    public static List<PdfBlock> Read(List<List<PdfLine>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        var body = all.GroupBy(l => l.Size).MaxBy(g => g.Sum(l => l.Text.Length))?.Key ?? 0;
        var bodyBold = all.Where(l => l.Size == body).Sum(l => l.Bold ? l.Text.Length : 0) * 2 > all.Where(l => l.Size == body).Sum(l => l.Text.Length);
        var headingSizes = all.Select(l => l.Size).Where(s => s >= body * HeadingSizeRatio).Distinct().OrderDescending().ToList();
        var pitch = TypicalPitch(pages, body);
        var right = all.Where(l => l.Size == body).Select(l => l.Right).DefaultIfEmpty(0).Max();

        int? LevelOf(PdfLine line)
        {
            if (line.Text.Length > MaxHeadingLength || !line.Text.Any(char.IsLetter))
            {
                return null;
            }
            var rank = headingSizes.IndexOf(line.Size);
            if (rank >= 0)
            {
                return Math.Min(rank + 1, 5);
            }
            return line.Bold && !bodyBold && Math.Abs(line.Size - body) < 0.6 && line.Text.Length <= MaxBoldHeadingLength && !".,;:".Contains(line.Text[^1])
                ? Math.Min(headingSizes.Count + 1, 6)
                : null;
        }

        var blocks = new List<PdfBlock>();
        PdfBlock? current = null;
        PdfLine? previous = null;
        var bulletPending = false;
        void Flush()
        {
            if (current is not null)
            {
                blocks.Add(current);
            }
            current = null;
        }

        for (var p = 0; p < pages.Count; p++)
        {
            for (var i = 0; i < pages[p].Count; i++)
            {
                var line = pages[p][i];
                var samePage = i > 0;
                if (BulletAlone().IsMatch(line.Text))
                {
                    // The bullet glyph drawn on its own: the next line is the item.
                    Flush();
                    bulletPending = true;
                    previous = line;
                    continue;
                }
                var bullet = Bullet().Match(line.Text);
                if (bulletPending || bullet.Success)
                {
                    Flush();
                    current = new PdfBlock(PdfBlockKind.Item, bullet.Success ? line.Text[bullet.Length..] : line.Text, p, 0);
                    bulletPending = false;
                }
                else if (LevelOf(line) is { } level)
                {
                    if (current is { Kind: PdfBlockKind.Heading } && previous is not null && samePage && previous.Size == line.Size && Close(previous, line, pitch))
                    {
                        current = current with { Text = current.Text + " " + line.Text };
                    }
                    else
                    {
                        Flush();
                        current = new PdfBlock(PdfBlockKind.Heading, line.Text, p, level);
                    }
                }
                else if (current is { Kind: PdfBlockKind.Paragraph or PdfBlockKind.Item } && previous is not null
                    && Continues(current, previous, line, samePage, pitch, right))
                {
                    current = current with { Text = Join(current.Text, line.Text) };
                }
                else
                {
                    Flush();
                    current = new PdfBlock(PdfBlockKind.Paragraph, line.Text, p, 0);
                }
                previous = line;
            }
        }
        Flush();
        return blocks;
    }

    /// <summary>Whether <paramref name="line"/> carries on the paragraph or list item that <paramref name="previous"/> ended.</summary>
    private static bool Continues(PdfBlock current, PdfLine previous, PdfLine line, bool samePage, double pitch, double right)
    {
        if (Math.Abs(previous.Size - line.Size) >= 0.6 || (samePage && !Close(previous, line, pitch)))
        {
            return false;
        }
        var wrapped = previous.Right >= right - Math.Max(4 * previous.Size, 0.15 * right);
        if (current.Kind == PdfBlockKind.Item && line.Left < previous.Left - line.Size && samePage)
        {
            // Left of the item's text: a paragraph after the list, unless the item was cut mid-sentence at
            // the right margin, as a browser prints a plain-text file (wrapped lines start at the margin).
            return wrapped && !".!?:;".Contains(previous.Text[^1]);
        }
        var unfinished = !".!?:".Contains(previous.Text[^1]) && char.IsLower(line.Text[0]);
        return wrapped || unfinished;
    }

    /// <summary>Baselines no further apart than a wrapped line's, with some slack; a blank line or paragraph margin is more.</summary>
    private static bool Close(PdfLine previous, PdfLine line, double pitch)
    {
        var distance = previous.Baseline - line.Baseline;
        return distance > 0 && distance <= pitch * Math.Max(previous.Size, line.Size) * 1.3;
    }

    /// <summary>The usual distance between baselines, as a multiple of the font size: the lower quartile of body lines' distances.</summary>
    private static double TypicalPitch(List<List<PdfLine>> pages, double body)
    {
        var ratios = new List<double>();
        foreach (var page in pages)
        {
            for (var i = 1; i < page.Count; i++)
            {
                if (page[i].Size == body && page[i - 1].Size == body && body > 0)
                {
                    var ratio = (page[i - 1].Baseline - page[i].Baseline) / body;
                    if (ratio > 0.5)
                    {
                        ratios.Add(ratio);
                    }
                }
            }
        }
        if (ratios.Count == 0)
        {
            return 1.3;
        }
        ratios.Sort();
        return Math.Clamp(ratios[ratios.Count / 4], 1.0, 1.6);
    }

    /// <summary>Joins a wrapped line; "protec-" + "tion" is one word again.</summary>
    internal static string Join(string text, string next)
    {
        if (text.EndsWith('\u00AD'))
        {
            return text[..^1] + next;
        }
        // "child- and youth-friendly" keeps its hyphen: the word is completed later.
        if (text.Length >= 2 && text[^1] is '-' or '‐' && char.IsLetter(text[^2]) && next.Length > 0 && char.IsLower(next[0])
            && !next.StartsWith("and ", StringComparison.Ordinal) && !next.StartsWith("or ", StringComparison.Ordinal))
        {
            return text[..^1] + next;
        }
        return text + " " + next;
    }

    [GeneratedRegex(@"^([•●▪◦‣∙·■□➢►✓]\s*|[\-–\*]\s+)(?=\S)")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^[•●▪◦‣∙·■□➢►✓]$")]
    private static partial Regex BulletAlone();
}
