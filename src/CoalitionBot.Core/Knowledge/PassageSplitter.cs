using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Cuts a document into citable passages: paragraphs, and a heading or lead-in sentence together
/// with its bullet list. A passage stays under <see cref="KnowledgeOptions.MaxPassageLength"/>:
/// long lists become several passages that keep their section, long paragraphs are cut
/// between sentences.
/// </summary>
public sealed class PassageSplitter(IOptions<KnowledgeOptions> options)
{
    private int MaxLength => options.Value.MaxPassageLength;

    /// <summary>The document's title: its first non-empty line, else the file name.</summary>
    public static string TitleOf(string text, string documentId)
    {
        foreach (var line in TextLines.Read(text))
        {
            if (line.Kind != LineKind.Blank)
            {
                return line.Content;
            }
        }
        return Path.GetFileNameWithoutExtension(documentId);
    }

    public IReadOnlyList<Passage> Split(SourceDocument document)
    {
        var title = document.Title ?? TitleOf(document.Text, document.Id);
        var passages = new List<Passage>();
        var section = title;
        Block? leadIn = null;

        void Emit(string text, int start, int end) =>
            passages.Add(new Passage(document.Id, passages.Count, title, section, text, start, end, document.LastUpdated)
            {
                Page = document.PageAt(start),
                Url = document.Url,
                Updated = document.Date ?? document.LastUpdated,
                Format = document.Format,
                Collection = document.Collection,
            });

        var blocks = TextBlocks.Read(document.Text);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    FlushLeadIn();
                    section = block.Items[0].Text;
                    // A heading directly above a list is that list's lead-in.
                    leadIn = next?.Kind == BlockKind.List ? block : null;
                    break;
                case BlockKind.Paragraph when next?.Kind == BlockKind.List && block.IsLeadIn:
                    FlushLeadIn();
                    leadIn = block;
                    break;
                case BlockKind.Paragraph when block.EndsWithColon:
                    // A lead-in with no list after it ("For more information, please contact:") answers nothing.
                    FlushLeadIn();
                    break;
                case BlockKind.Paragraph:
                    FlushLeadIn();
                    foreach (var (text, start, end) in SplitParagraph(block.Items[0]))
                    {
                        Emit(text, start, end);
                    }
                    break;
                case BlockKind.List:
                    foreach (var (text, start, end) in SplitList(leadIn, block.Items))
                    {
                        Emit(text, start, end);
                    }
                    leadIn = null;
                    break;
            }
        }
        return passages;

        // A heading followed by a list is consumed by the list; one that is not stays a section name only.
        void FlushLeadIn()
        {
            if (leadIn is { Kind: BlockKind.Paragraph })
            {
                foreach (var (text, start, end) in SplitParagraph(leadIn.Items[0]))
                {
                    Emit(text, start, end);
                }
            }
            leadIn = null;
        }
    }

    private IEnumerable<(string Text, int Start, int End)> SplitList(Block? leadIn, IReadOnlyList<BlockItem> items)
    {
        var chunk = new List<BlockItem>();
        var length = 0;
        if (leadIn is not null)
        {
            chunk.Add(leadIn.Items[0]);
            length = leadIn.Items[0].Text.Length;
        }
        foreach (var item in items)
        {
            if (item.Text.Length > MaxLength)
            {
                if (chunk.Count > 0)
                {
                    yield return Join(chunk);
                    chunk.Clear();
                    length = 0;
                }
                foreach (var piece in SplitParagraph(item))
                {
                    yield return piece;
                }
                continue;
            }
            if (chunk.Count > 0 && length + 1 + item.Text.Length > MaxLength)
            {
                yield return Join(chunk);
                chunk.Clear();
                length = 0;
            }
            length += (chunk.Count > 0 ? 1 : 0) + item.Text.Length;
            chunk.Add(item);
        }
        if (chunk.Count > 0)
        {
            yield return Join(chunk);
        }
    }

    private static (string Text, int Start, int End) Join(List<BlockItem> items) =>
        (string.Join('\n', items.Select(i => i.Text)), items[0].Start, items[^1].End);

    /// <summary>Cuts between sentences; a single sentence longer than the limit is cut at a space.</summary>
    private IEnumerable<(string Text, int Start, int End)> SplitParagraph(BlockItem paragraph)
    {
        if (paragraph.Text.Length <= MaxLength)
        {
            yield return (paragraph.Text, paragraph.Start, paragraph.End);
            yield break;
        }
        var text = paragraph.Text;
        var pieceStart = 0;
        while (pieceStart < text.Length)
        {
            var remaining = text.Length - pieceStart;
            var cut = remaining <= MaxLength ? text.Length : BestCut(text, pieceStart, pieceStart + MaxLength);
            var piece = text[pieceStart..cut].Trim();
            if (piece.Length > 0)
            {
                // Offsets are approximate inside a re-flowed paragraph: proportional to the joined text.
                var start = paragraph.Start + Scale(pieceStart, text.Length, paragraph.End - paragraph.Start);
                var end = paragraph.Start + Scale(cut, text.Length, paragraph.End - paragraph.Start);
                yield return (piece, start, end);
            }
            pieceStart = cut;
        }
    }

    private static int Scale(int offset, int length, int span) =>
        length == 0 ? 0 : (int)((long)offset * span / length);

    private static int BestCut(string text, int from, int limit)
    {
        var minimum = from + ((limit - from) / 3);
        foreach (var end in SentenceSplitter.SentenceEnds(text, from, limit).Reverse())
        {
            if (end >= minimum)
            {
                return end;
            }
        }
        var space = text.LastIndexOf(' ', limit - 1, limit - minimum);
        return space > minimum ? space + 1 : limit;
    }
}
