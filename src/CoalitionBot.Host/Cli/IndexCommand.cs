using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Host.Cli;

/// <summary><c>index [--rebuild]</c>: brings the index up to date (or starts over) and says what changed.</summary>
internal static class IndexCommand
{
    public static Command Create(CliRun run)
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Delete the index and index every document again." };
        var command = new Command("index", "Index the documents of the source folders (incremental by content hash).") { rebuild };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var update = default(Knowledge.IndexUpdate);
            var unreadable = new List<Knowledge.UnreadableFile>();
            var result = await CliVerbs.WithIndexAsync(run, services =>
            {
                unreadable.AddRange(services.GetRequiredService<Knowledge.DocumentReader>().Unreadable);
                return Task.FromResult(0);
            }, parsed.GetValue(rebuild), u => update = u);
            if (update is not null)
            {
                await run.Console.Out.WriteLineAsync(
                    $"Indexed {update.Documents} documents, {update.Passages} passages in {update.Took.TotalSeconds:F1} s: " +
                    $"{update.Added} added, {update.Changed} changed, {update.Unchanged} unchanged, {update.Removed} removed, {update.Skipped} skipped.");
                // The skipped files again, together, so that a long run's warnings need not be scrolled back for.
                foreach (var file in unreadable)
                {
                    await run.Console.Out.WriteLineAsync($"  skipped {file.Path}: {file.Reason}");
                }
            }
            return result;
        });
        return command;
    }
}
