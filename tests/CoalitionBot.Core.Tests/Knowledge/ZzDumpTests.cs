using CoalitionBot.Knowledge;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Tests.Knowledge;

public sealed class ZzDumpTests
{
    [Fact]
    public void Dump()
    {
        Directory.CreateDirectory("/tmp/dump");
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var text = File.ReadAllText(file);
            var blocks = DocumentFiles.FromPlainText(text);
            var name = Path.GetFileNameWithoutExtension(file);
            var pdf = DocumentFiles.Pdf(blocks[0].Text, blocks);
            File.WriteAllBytes($"/tmp/dump/{name}.pdf", pdf);
            File.WriteAllText($"/tmp/dump/{name}.pdf.txt", new PdfExtractor().Extract(pdf, name + ".pdf").Text);
            var docx = DocumentFiles.Docx(blocks[0].Text, blocks);
            File.WriteAllBytes($"/tmp/dump/{name}.docx", docx);
            File.WriteAllText($"/tmp/dump/{name}.docx.txt", new DocxExtractor().Extract(docx, name + ".docx").Text);
            var html = DocumentFiles.Html(blocks[0].Text, blocks);
            File.WriteAllText($"/tmp/dump/{name}.html", html);
            File.WriteAllText($"/tmp/dump/{name}.html.txt", new HtmlExtractor().Extract(System.Text.Encoding.UTF8.GetBytes(html), name + ".html").Text);
        }
    }
}
