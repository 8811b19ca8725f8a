using CoalitionBot.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Brings the index up to date when the server starts, in the background so that the server
/// answers /healthz at once; questions asked meanwhile wait for the index to be ready.
/// </summary>
public sealed partial class IndexStartupService(KnowledgeIndex index, SuggestionPool suggestions, LibraryScopes scopes, ILogger<IndexStartupService> logger, AIAnswering? ai = null) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        void Report(IndexProgress p) => Log.Progress(logger, p.Done, p.Total);
        try
        {
            index.Update(rebuild: false, Report, stoppingToken);
            suggestions.Warm();
            WarnAboutUnknownCollections();
            // Passage embeddings are computed now, at indexing time, rather than by the first question.
            if (ai is not null)
            {
                await ai.UpdateEmbeddingsAsync(stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Failed(logger, e, index.IndexPath);
            throw;
        }
    }, stoppingToken);

    /// <summary>A channel limited to a collection no document belongs to would find nothing, and nobody would know why.</summary>
    private void WarnAboutUnknownCollections()
    {
        var known = index.Collections();
        foreach (var (platform, conversation, scope) in scopes.Configured)
        {
            foreach (var unknown in scope.Collections?.Where(c => !known.Contains(c)) ?? [])
            {
                Log.UnknownCollection(logger, platform, conversation, unknown, string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase)));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Knowledge:Collections:{Platform}:{Conversation} names the collection '{Collection}', which no document belongs to (the library's collections: {Known})")]
        public static partial void UnknownCollection(ILogger logger, string platform, string conversation, string collection, string known);

        [LoggerMessage(LogLevel.Information, "Indexing: {Done}/{Total} documents")]
        public static partial void Progress(ILogger logger, int done, int total);

        [LoggerMessage(LogLevel.Error, "Could not update the index at {IndexPath}")]
        public static partial void Failed(ILogger logger, Exception exception, string indexPath);
    }
}
