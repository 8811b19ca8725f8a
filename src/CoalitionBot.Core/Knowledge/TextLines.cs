using System.Text.RegularExpressions;

namespace CoalitionBot.Knowledge;

internal enum LineKind { Blank, Text, Bullet, Numbered, MarkdownHeading }

/// <param name="Content">The line without indentation, bullet marker or markdown hashes.</param>
internal readonly record struct TextLine(LineKind Kind, string Content, int Start, int End);

/// <summary>Reads text line by line (LF or CRLF) and says what each line looks like.</summary>
internal static partial class TextLines
{
    public static IEnumerable<TextLine> Read(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            yield return Classify(text.AsSpan(start, contentEnd - start), start, contentEnd);
            start = end + 1;
        }
    }

    private static TextLine Classify(ReadOnlySpan<char> raw, int start, int end)
    {
        var line = raw.Trim().ToString();
        if (line.Length == 0)
        {
            return new TextLine(LineKind.Blank, "", start, end);
        }
        var leading = raw.Length - raw.TrimStart().Length;
        var bullet = BulletMarker().Match(line);
        if (bullet.Success && bullet.Length < line.Length)
        {
            return new TextLine(LineKind.Bullet, line[bullet.Length..].Trim(), start + leading, end);
        }
        if (NumberMarker().IsMatch(line))
        {
            return new TextLine(LineKind.Numbered, line, start + leading, end);
        }
        var heading = MarkdownHeading().Match(line);
        if (heading.Success)
        {
            return new TextLine(LineKind.MarkdownHeading, line[heading.Length..].Trim().TrimEnd('#').Trim(), start + leading, end);
        }
        return new TextLine(LineKind.Text, line, start + leading, end);
    }

    [GeneratedRegex(@"^[•●▪◦‣∙·\-\*\+–—]\s+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^\(?\d{1,3}[.)]\s+\S")]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex MarkdownHeading();
}
