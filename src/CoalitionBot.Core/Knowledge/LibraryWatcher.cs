using System.Threading.Channels;
using CoalitionBot.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Keeps the index current while the server runs (Knowledge:Watch): a FileSystemWatcher on each
/// source folder, debounced, plus a periodic rescan as the safety net (<see cref="ReindexSchedule"/>).
/// Each update re-reads only files whose size or time changed and re-indexes only those whose
/// content hash changed; questions are answered from the previous index until the update commits.
/// </summary>
public sealed partial class LibraryWatcher(
    KnowledgeIndex index,
    DocumentReader reader,
    SuggestionPool suggestions,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<LibraryWatcher> logger,
    AIAnswering? ai = null) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _watching = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the watchers are on (ExecuteAsync runs in the background, after StartAsync returns).</summary>
    internal Task Watching => _watching.Task;

    /// <summary>Raised after each update that changed the index (tests wait on it instead of sleeping).</summary>
    internal event Action<IndexUpdate>? Updated;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Watch)
        {
            return;
        }
        await index.WhenReadyAsync(stoppingToken);
        var schedule = new ReindexSchedule(time, settings.WatchDebounce, settings.RescanInterval);
        var watchers = reader.SourceFolders().Select(Watch).ToList();
        // A file changed between the start-up update and the watchers starting raised no event: look once now.
        schedule.Changed();
        _watching.TrySetResult();
        Log.Watching(logger, string.Join(", ", reader.SourceFolders()), settings.RescanInterval.TotalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitAsync(schedule, stoppingToken);
                if (!schedule.IsDue)
                {
                    continue;
                }
                var started = schedule.Starting();
                try
                {
                    // Lucene work is synchronous; off the timer's thread so the host stays responsive.
                    var update = await Task.Run(() => index.Update(cancellationToken: stoppingToken), stoppingToken);
                    if (update.Added + update.Changed + update.Removed > 0)
                    {
                        Log.Reindexed(logger, update.Added, update.Changed, update.Removed, update.Documents);
                        suggestions.Warm();
                        if (ai is not null)
                        {
                            await ai.UpdateEmbeddingsAsync(stoppingToken);
                        }
                        Updated?.Invoke(update);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed update (a locked index, a disk hiccup) must not end live updates: the next one retries.
                    Log.UpdateFailed(logger, e);
                }
                schedule.Ran(started);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    /// <summary>Waits until the schedule is due or a change arrives, whichever is first.</summary>
    private async Task WaitAsync(ReindexSchedule schedule, CancellationToken stoppingToken)
    {
        var due = schedule.DueIn();
        if (due <= TimeSpan.Zero)
        {
            return;
        }
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(due, time, wake.Token);
        var change = _changes.Reader.WaitToReadAsync(wake.Token).AsTask();
        await Task.WhenAny(delay, change);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        while (_changes.Reader.TryRead(out _))
        {
            schedule.Changed();
        }
    }

    /// <summary>A change under a source folder (tests and the watchers call it).</summary>
    internal void Notify() => _changes.Writer.TryWrite(true);

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, _) => Notify();
        watcher.Created += (_, _) => Notify();
        watcher.Deleted += (_, _) => Notify();
        watcher.Renamed += (_, _) => Notify();
        // An overflowed buffer lost events: the update after it compares every file anyway.
        watcher.Error += (_, e) =>
        {
            Log.WatcherError(logger, folder, e.GetException().Message);
            Notify();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Watching {Folders} for changes; rescanning every {Seconds} s")]
        public static partial void Watching(ILogger logger, string folders, double seconds);

        [LoggerMessage(LogLevel.Information, "Library changed: {Added} added, {Changed} changed, {Removed} removed; {Documents} documents")]
        public static partial void Reindexed(ILogger logger, int added, int changed, int removed, int documents);

        [LoggerMessage(LogLevel.Warning, "The watcher on {Folder} reported an error ({Reason}); the next rescan catches up")]
        public static partial void WatcherError(ILogger logger, string folder, string reason);

        [LoggerMessage(LogLevel.Error, "Updating the index after a library change failed; retrying at the next change or rescan")]
        public static partial void UpdateFailed(ILogger logger, Exception exception);
    }
}
