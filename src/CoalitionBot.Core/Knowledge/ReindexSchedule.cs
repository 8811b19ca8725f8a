namespace CoalitionBot.Knowledge;

/// <summary>
/// When the live library re-indexes: a quiet <c>debounce</c> after the last file change (a copy
/// in progress fires many events, and is read once, whole), and at the latest every <c>rescan</c>
/// interval, because file-system watchers miss events on some file systems. Time comes from the
/// <see cref="TimeProvider"/>, so the rule is tested without waiting.
/// </summary>
internal sealed class ReindexSchedule(TimeProvider time, TimeSpan debounce, TimeSpan rescan)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _changedAt;
    private DateTimeOffset _lastRun = time.GetUtcNow();

    /// <summary>A watcher saw a file change.</summary>
    public void Changed()
    {
        lock (_lock)
        {
            _changedAt = time.GetUtcNow();
        }
    }

    /// <summary>How long until an update is due; zero or less when it is due now.</summary>
    public TimeSpan DueIn()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var byRescan = _lastRun + rescan - now;
            return _changedAt is { } changed ? Min(changed + debounce - now, byRescan) : byRescan;
        }
    }

    public bool IsDue => DueIn() <= TimeSpan.Zero;

    /// <summary>An update starts now; returns its start, for <see cref="Ran"/>.</summary>
    public DateTimeOffset Starting() => time.GetUtcNow();

    /// <summary>
    /// The update that started at <paramref name="started"/> is done. A change seen while it ran
    /// may have been missed by it, so it stays pending.
    /// </summary>
    public void Ran(DateTimeOffset started)
    {
        lock (_lock)
        {
            _lastRun = time.GetUtcNow();
            if (_changedAt <= started)
            {
                _changedAt = null;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
