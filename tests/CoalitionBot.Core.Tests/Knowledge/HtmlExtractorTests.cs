using System.Text;
using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;
using static CoalitionBot.Tests.Support.DocBlock;

namespace CoalitionBot.Tests.Knowledge;

public sealed class HtmlExtractorTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static ExtractedText Extract(string html) => Extractor.Extract(Encoding.UTF8.GetBytes(html), "page.html");

    private static readonly List<DocBlock> Statement =
    [
        H("Joint statement on detention"),
        P("Coalition members call on governments to end the immigration detention of children."),
        H("What we ask"),
        Li("Alternatives to detention in the community"),
        Li("Independent monitoring of border facilities"),
    ];

    [Fact]
    public void MainContentIsReadWithoutNavigationHeaderFooterScriptsOrStyles()
    {
        var text = Extract(DocumentFiles.Html("Joint statement", Statement)).Text;

        Assert.Equal(
            "# Joint statement on detention\n\nCoalition members call on governments to end the immigration detention of children.\n\n## What we ask\n\n• Alternatives to detention in the community\n• Independent monitoring of border facilities\n",
            text);
    }

    [Fact]
    public void TitleAndCanonicalUrlAreTheDocuments()
    {
        var text = Extract(DocumentFiles.Html("Joint statement | Coalition", Statement, "https://coalition.example.org/statements/detention"));

        Assert.Equal("Joint statement | Coalition", text.Title);
        Assert.Equal("https://coalition.example.org/statements/detention", text.Url);
    }

    [Fact]
    public void WithoutMainTheBodyIsReadAndNestedListsBecomeItems()
    {
        var text = Extract("<html><body><nav>Home</nav><h2>Steps</h2><ul><li>Register<ul><li>Online form</li></ul></li><li>Sign the letter</li></ul><p>Questions? <a href='/x'>Write to us</a>.</p></body></html>").Text;

        Assert.Equal("## Steps\n\n• Register\n• Online form\n• Sign the letter\n\nQuestions? Write to us.\n", text);
    }

    [Fact]
    public void PageThatIsAllNavigationIsUnreadable()
    {
        var problem = Assert.Throws<UnreadableDocumentException>(() => Extract("<html><body><header>Logo</header><nav><ul><li>Home</li><li>About</li></ul></nav><footer>©</footer></body></html>"));

        Assert.Contains("navigation", problem.Message);
    }

    [Fact]
    public void DateComesFromTheModifiedMetaTag()
    {
        var text = Extract("<html><head><meta property='article:modified_time' content='2025-02-03T10:00:00+01:00'></head><body><p>Updated guidance for members on the new reception rules.</p></body></html>");

        Assert.Equal(new DateTimeOffset(2025, 2, 3, 9, 0, 0, TimeSpan.Zero), text.Updated);
    }
}
