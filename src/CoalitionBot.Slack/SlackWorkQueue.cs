using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack;

/// <summary>
/// Work that follows an acknowledgement. Slack wants its ack within 3 s, so transports ack first
/// and enqueue here; a few workers answer questions off the socket's receive loop and off the
/// HTTP request.
/// </summary>
public sealed partial class SlackWorkQueue(SlackDispatcher dispatcher, ILogger<SlackWorkQueue> logger) : BackgroundService
{
    private const int Workers = 4;
    private readonly Channel<SlackInbound> _queue = Channel.CreateUnbounded<SlackInbound>(new UnboundedChannelOptions { SingleWriter = false });

    public void Enqueue(SlackInbound inbound)
    {
        if (!_queue.Writer.TryWrite(inbound))
        {
            Log.Dropped(logger, inbound.Kind);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var inbound in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await dispatcher.ProcessAsync(inbound, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The per-item boundary: log and go on; the dispatcher already told the person.
                Log.Failed(logger, e, inbound.Kind);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Error, "Handling a Slack {Kind} failed")]
        public static partial void Failed(ILogger logger, Exception exception, SlackInboundKind kind);

        [LoggerMessage(LogLevel.Warning, "The Slack work queue is closed; dropped a {Kind}")]
        public static partial void Dropped(ILogger logger, SlackInboundKind kind);
    }
}
