using CoalitionBot.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Brings the index up to date when the server starts, in the background so that the server
/// answers /healthz at once; questions asked meanwhile wait for the index to be ready.
/// </summary>
public sealed partial class IndexStartupService(KnowledgeIndex index, SuggestionPool suggestions, ILogger<IndexStartupService> logger, AIAnswering? ai = null) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        void Report(IndexProgress p) => Log.Progress(logger, p.Done, p.Total);
        try
        {
            index.Update(rebuild: false, Report, stoppingToken);
            suggestions.Warm();
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

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Indexing: {Done}/{Total} documents")]
        public static partial void Progress(ILogger logger, int done, int total);

        [LoggerMessage(LogLevel.Error, "Could not update the index at {IndexPath}")]
        public static partial void Failed(ILogger logger, Exception exception, string indexPath);
    }
}
