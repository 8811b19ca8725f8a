using System.Text;
using System.Text.RegularExpressions;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Writes the text every extractor produces: one block per paragraph, a blank line between
/// blocks, "#" headings, "• " items; records where pages start.
/// </summary>
internal sealed partial class ExtractedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _pageStarts = [];
    private bool _inList;

    public bool IsEmpty => _text.Length == 0;

    /// <summary>The first heading written, a fallback title for formats whose metadata has none.</summary>
    public string? FirstHeading { get; private set; }

    public void Heading(int level, string text)
    {
        text = Clean(text);
        if (text.Length == 0)
        {
            return;
        }
        FirstHeading ??= text;
        Block(new string('#', Math.Clamp(level, 1, 6)) + " " + text);
    }

    public void Paragraph(string text)
    {
        text = Clean(text);
        if (text.Length > 0)
        {
            // A paragraph that starts with "# " would read as a heading.
            Block(text.StartsWith("# ", StringComparison.Ordinal) ? "No. " + text[2..] : text);
        }
    }

    /// <summary>Preformatted text (&lt;pre&gt;): its lines and blank lines kept, read as a plain-text document is.</summary>
    public void Raw(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        if (text.Trim().Length > 0)
        {
            Block(text);
        }
    }

    /// <summary>A list item or table row; consecutive items make one list.</summary>
    public void Item(string text)
    {
        text = Clean(text);
        if (text.Length == 0)
        {
            return;
        }
        if (!_inList)
        {
            Separate();
        }
        _text.Append("• ").Append(text).Append('\n');
        _inList = true;
    }

    /// <summary>Starts a new page (the first page too) at the current offset.</summary>
    public void Page()
    {
        Separate();
        _pageStarts.Add(_text.Length);
    }

    public ExtractedText Build(string format) =>
        new(_text.ToString().TrimEnd() + "\n", format) { PageStarts = _pageStarts.ToList() };

    private void Block(string line)
    {
        Separate();
        _text.Append(line).Append('\n');
    }

    private void Separate()
    {
        if (_text.Length > 0 && !(_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n'))
        {
            _text.Append('\n');
        }
        _inList = false;
    }

    /// <summary>One line: runs of white space (tabs, line breaks, no-break spaces) become one space.</summary>
    internal static string Clean(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"[\s\u00A0\u200B]+")]
    private static partial Regex Whitespace();
}
