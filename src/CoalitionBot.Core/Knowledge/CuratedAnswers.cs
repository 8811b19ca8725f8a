using System.Globalization;
using System.Text;

namespace CoalitionBot.Knowledge;

/// <summary>
/// A coordinator's answer saved into the library: a small document under {DataPath}/curated whose
/// title is "Coordinator answer, &lt;date&gt;" and whose one section is the question, so the next person
/// who asks finds it at once, cited like any document. The index picks it up in an incremental update.
/// </summary>
public sealed class CuratedAnswers(DocumentReader reader, KnowledgeIndex index, TimeProvider time)
{
    public const string Folder = "curated";

    /// <summary>Writes the document (one per question: saving again replaces it) and re-indexes; returns its title.</summary>
    public async Task<string> SaveAsync(string key, string question, string answer, CancellationToken cancellationToken)
    {
        var date = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = $"Coordinator answer, {date}";
        Directory.CreateDirectory(reader.CuratedFolder);
        var text = new StringBuilder()
            .AppendLine(title)
            .AppendLine()
            .AppendLine(OneLine(question))
            .AppendLine()
            .AppendLine(answer.Trim())
            .ToString();
        await File.WriteAllTextAsync(Path.Combine(reader.CuratedFolder, $"coordinator-answer-{key}.md"), text, new UTF8Encoding(false), cancellationToken);
        // The update is synchronous and may wait behind another one (start-up indexing): off the handler's thread.
        await Task.Run(() => index.Update(cancellationToken: cancellationToken), cancellationToken);
        return title;
    }

    // The question is the section heading: a heading is one short line.
    private static string OneLine(string question)
    {
        var line = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 200 ? line : line[..200];
    }
}
