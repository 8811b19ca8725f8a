using System.CommandLine;
using System.Globalization;
using CoalitionBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Cli;

/// <summary><c>library</c>: the indexed documents (format, pages, passages, collection, URL, last indexed) and the files that could not be read.</summary>
internal static class LibraryCommand
{
    public static Command Create(CliRun run)
    {
        var collection = new Option<string?>("--collection") { Description = "Only the documents of this collection." };
        var command = new Command("library", "List the library's documents: format, pages, passages, collection, URL, last indexed; and the files skipped, with why.") { collection };
        command.SetAction(async (parsed, cancellationToken) => await CliVerbs.WithIndexAsync(run, async services =>
        {
            var only = parsed.GetValue(collection);
            var documents = services.GetRequiredService<KnowledgeIndex>().Documents()
                .Where(d => only is null || d.Collection.Equals(only, StringComparison.OrdinalIgnoreCase))
                .OrderBy(d => d.Collection, StringComparer.OrdinalIgnoreCase)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            var rows = documents.Select(d => new[]
            {
                d.Id, d.Format, d.Pages > 0 ? d.Pages.ToString(CultureInfo.InvariantCulture) : "-",
                d.Passages.ToString(CultureInfo.InvariantCulture), d.Collection,
                d.Indexed?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-", d.Url ?? "",
            }).ToList();
            await WriteTableAsync(run.Console.Out, ["document", "format", "pages", "passages", "collection", "indexed (UTC)", "url"], rows);
            await run.Console.Out.WriteLineAsync($"{documents.Count} documents, {documents.Sum(d => d.Passages)} passages.");
            var unreadable = services.GetRequiredService<DocumentReader>().Unreadable;
            if (unreadable.Count > 0)
            {
                await run.Console.Out.WriteLineAsync($"{unreadable.Count} files could not be read:");
                foreach (var file in unreadable)
                {
                    await run.Console.Out.WriteLineAsync($"  {file.Path}: {file.Reason}");
                }
            }
            return 0;
        }));
        return command;
    }

    /// <summary>Columns padded to their widest cell; the last (the URL) is left unpadded.</summary>
    private static async Task WriteTableAsync(TextWriter output, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
        await output.WriteLineAsync(Line(header));
        foreach (var row in rows)
        {
            await output.WriteLineAsync(Line(row));
        }
    }
}
