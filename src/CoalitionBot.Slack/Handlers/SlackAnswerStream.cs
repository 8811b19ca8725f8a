using CoalitionBot.Slack.BlockKit;
using CoalitionBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Shows a generated answer growing in one Slack message: a placeholder first, then chat.update
/// with the text so far at most once per <see cref="Interval"/> (chat.update is Tier 3, about 50
/// a minute), on the injected clock. The final reply replaces it with the full blocks.
/// </summary>
internal sealed partial class SlackAnswerStream(SlackApiClient slack, PostedMessage placeholder, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public const string PlaceholderText = "Looking that up in the library…";

    private DateTimeOffset _last = time.GetUtcNow();
    private bool _stopped;

    public PostedMessage Message => placeholder;

    public async Task OnTextAsync(string text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_stopped || now - _last < Interval)
        {
            return;
        }
        _last = now;
        try
        {
            await slack.UpdateMessageAsync(placeholder.Channel, placeholder.Ts, Mrkdwn.Escape(text) + " …", [], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Interim text is a courtesy: whatever goes wrong with it (Slack refuses, the network drops),
            // it must not cost the answer; the final reply still replaces the placeholder.
            _stopped = true;
            Log.InterimUpdateFailed(logger, e, placeholder.Channel, (e as SlackApiException)?.Error ?? e.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Showing the answer as it is written in {Channel} failed with {Error}; the final answer follows")]
        public static partial void InterimUpdateFailed(ILogger logger, Exception exception, string channel, string error);
    }
}
