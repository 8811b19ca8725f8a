using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Web pages (.html, AngleSharp): the main content (&lt;main&gt;, else &lt;article&gt;, else the
/// body) without navigation, page header and footer, scripts and styles; &lt;h1&gt;–&lt;h6&gt; as
/// headings, &lt;li&gt; and table rows as items. Title from &lt;title&gt; (else the first heading),
/// URL from &lt;link rel="canonical"&gt;, date from the usual meta tags.
/// </summary>
internal sealed class HtmlExtractor : IDocumentExtractor
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "script", "style", "noscript", "template", "svg", "form", "button", "iframe", "aside",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "figure", "figcaption", "address", "details", "summary", "hr", "br", "body", "center",
    };

    private static readonly string[] DateMeta =
    [
        "article:modified_time", "og:updated_time", "dcterms.modified", "last-modified", "dateModified",
        "article:published_time", "dcterms.date", "date", "datePublished",
    ];

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];

    public ExtractedText Extract(byte[] bytes, string fileName)
    {
        if (bytes.AsSpan().Contains((byte)0))
        {
            throw new UnreadableDocumentException("it is not a text (HTML) file");
        }
        var parser = new HtmlParser();
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = parser.ParseDocument(stream);
        var root = document.QuerySelector("main") ?? document.QuerySelector("[role=main]") ?? document.QuerySelector("article") ?? document.Body;
        var builder = new ExtractedTextBuilder();
        if (root is not null)
        {
            var walker = new Walker(builder);
            walker.Visit(root);
            walker.FlushInline();
        }
        if (builder.IsEmpty)
        {
            throw new UnreadableDocumentException("the page has no text outside navigation, header and footer");
        }
        var title = ExtractedTextBuilder.Clean(document.Title ?? "");
        var canonical = document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href");
        return builder.Build("html") with
        {
            Title = title.Length > 0 ? title : builder.FirstHeading,
            Url = Uri.TryCreate(canonical, UriKind.Absolute, out var url) ? url.ToString() : null,
            Updated = Date(document),
        };
    }

    private static DateTimeOffset? Date(IDocument document)
    {
        foreach (var name in DateMeta)
        {
            var content = document.QuerySelector($"meta[property='{name}'], meta[name='{name}'], meta[itemprop='{name}']")?.GetAttribute("content");
            if (DateTimeOffset.TryParse(content, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date.ToUniversalTime();
            }
        }
        return null;
    }

    /// <summary>Walks the content: inline text gathers until a block element ends it.</summary>
    private sealed class Walker(ExtractedTextBuilder builder)
    {
        private readonly StringBuilder _inline = new();

        public void Visit(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        _inline.Append(text.Data);
                        break;
                    case IElement element when Dropped.Contains(element.LocalName) || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true":
                        break;
                    case IElement element when element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsAsciiDigit(element.LocalName[1]):
                        FlushInline();
                        builder.Heading(element.LocalName[1] - '0', element.TextContent);
                        break;
                    case IElement { LocalName: "pre" } element:
                        FlushInline();
                        builder.Raw(element.TextContent);
                        break;
                    case IElement { LocalName: "li" or "dt" or "dd" } element:
                        FlushInline();
                        Item(element);
                        break;
                    case IElement { LocalName: "tr" } element:
                        FlushInline();
                        builder.Item(string.Join(" | ", element.Children
                            .Where(c => c.LocalName is "td" or "th")
                            .Select(c => ExtractedTextBuilder.Clean(c.TextContent))
                            .Where(c => c.Length > 0)));
                        break;
                    case IElement element when Blocks.Contains(element.LocalName):
                        FlushInline();
                        Visit(element);
                        FlushInline();
                        break;
                    case IElement element:
                        // Inline (a, span, strong, em, …): its text belongs to the surrounding block.
                        Visit(element);
                        break;
                }
            }
        }

        /// <summary>A list item is its own text; a list nested in it becomes items of its own.</summary>
        private void Item(IElement item)
        {
            var own = new StringBuilder();
            var nested = new List<IElement>();
            foreach (var child in item.ChildNodes)
            {
                if (child is IElement { LocalName: "ul" or "ol" or "dl" or "table" } list)
                {
                    nested.Add(list);
                }
                else if (child is IElement e && Dropped.Contains(e.LocalName))
                {
                    continue;
                }
                else if (child is IElement { LocalName: "p" or "div" } block)
                {
                    own.Append(' ').Append(block.TextContent).Append(' ');
                }
                else
                {
                    own.Append(child.TextContent);
                }
            }
            builder.Item(own.ToString());
            foreach (var list in nested)
            {
                Visit(list);
            }
        }

        public void FlushInline()
        {
            if (_inline.Length > 0)
            {
                builder.Paragraph(_inline.ToString());
                _inline.Clear();
            }
        }
    }
}
