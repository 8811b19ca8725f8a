namespace CoalitionBot.Knowledge;

internal enum BlockKind { Heading, Paragraph, List }

internal sealed record BlockItem(string Text, int Start, int End);

internal sealed record Block(BlockKind Kind, IReadOnlyList<BlockItem> Items)
{
    public bool EndsWithColon => Items[^1].Text.EndsWith(':');

    /// <summary>A paragraph right above a list introduces it when it ends with a colon or is short.</summary>
    public bool IsLeadIn => EndsWithColon || Items[0].Text.Length <= 300;
}

/// <summary>
/// Groups lines into headings, paragraphs and lists. Plain text has no markup, so a heading is a
/// short line standing alone without closing punctuation; a bullet item may wrap onto
/// following lines; list items separated by blank lines are still one list.
/// </summary>
internal static class TextBlocks
{
    private const int MaxHeadingLength = 90;
    private const int MaxHeadingWords = 12;

    public static List<Block> Read(string text)
    {
        var blocks = new List<Block>();
        foreach (var run in Runs(TextLines.Read(text)))
        {
            ReadRun(run, blocks);
        }
        return MergeLists(blocks);
    }

    private static IEnumerable<List<TextLine>> Runs(IEnumerable<TextLine> lines)
    {
        var run = new List<TextLine>();
        foreach (var line in lines)
        {
            if (line.Kind == LineKind.Blank)
            {
                if (run.Count > 0)
                {
                    yield return run;
                    run = [];
                }
                continue;
            }
            run.Add(line);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void ReadRun(List<TextLine> run, List<Block> blocks)
    {
        // A lone numbered line ("1. Vision") is a heading or a sentence; several make a list.
        var listLike = run.Count(l => l.Kind is LineKind.Bullet or LineKind.Numbered) >= 2 || run.Any(l => l.Kind == LineKind.Bullet);
        var paragraph = new List<TextLine>();
        var items = new List<BlockItem>();
        foreach (var line in run)
        {
            if (line.Kind == LineKind.MarkdownHeading)
            {
                FlushParagraph(paragraph, blocks);
                FlushList(items, blocks);
                blocks.Add(new Block(BlockKind.Heading, [new BlockItem(line.Content, line.Start, line.End)]));
            }
            else if (line.Kind == LineKind.Bullet || (line.Kind == LineKind.Numbered && listLike))
            {
                FlushParagraph(paragraph, blocks);
                var marker = line.Kind == LineKind.Bullet ? "• " : "";
                items.Add(new BlockItem(marker + line.Content, line.Start, line.End));
            }
            else if (items.Count > 0)
            {
                // A wrapped bullet continues on the next line.
                var last = items[^1];
                items[^1] = last with { Text = last.Text + " " + line.Content, End = line.End };
            }
            else
            {
                paragraph.Add(line);
            }
        }
        FlushParagraph(paragraph, blocks);
        FlushList(items, blocks);
    }

    private static void FlushParagraph(List<TextLine> lines, List<Block> blocks)
    {
        if (lines.Count == 0)
        {
            return;
        }
        if (lines.All(l => IsHeadingLike(l.Content)))
        {
            // Short lines without a sentence among them ("Other examples / Cost per beneficiary /
            // Lessons learned") are the empty headings of a template: quoting them would cite a
            // passage that states nothing. The last one names what follows.
            blocks.AddRange(lines.Select(l => new Block(BlockKind.Heading, [Item(l)])));
        }
        else
        {
            var text = string.Join(' ', lines.Select(l => l.Content));
            blocks.Add(new Block(BlockKind.Paragraph, [new BlockItem(text, lines[0].Start, lines[^1].End)]));
        }
        lines.Clear();
    }

    private static void FlushList(List<BlockItem> items, List<Block> blocks)
    {
        if (items.Count > 0)
        {
            blocks.Add(new Block(BlockKind.List, items.ToList()));
            items.Clear();
        }
    }

    private static BlockItem Item(TextLine line) => new(line.Content, line.Start, line.End);

    internal static bool IsHeadingLike(string line) =>
        line.Length <= MaxHeadingLength
        && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords
        && !".,;:!".Contains(line[^1])
        && line.Count(c => c == ':') < 2   // "Support: Advocacy Capital: Regulatory …" is metadata, not a heading
        && line.Any(char.IsLetter);

    private static List<Block> MergeLists(List<Block> blocks)
    {
        var merged = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.List && merged.Count > 0 && merged[^1].Kind == BlockKind.List)
            {
                merged[^1] = new Block(BlockKind.List, [.. merged[^1].Items, .. block.Items]);
            }
            else
            {
                merged.Add(block);
            }
        }
        return merged;
    }
}
