using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Actions;

/// <summary>
/// Compiles the deadline recognizer (a second or two of regular expressions) in the background at start-up, so
/// the first "new action" form after a restart is answered within Slack's 3-second window. Start-up does not wait.
/// </summary>
internal sealed class DeadlineReaderWarmUp(TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => DeadlineReader.WarmUp(time.GetUtcNow()), stoppingToken);
}
