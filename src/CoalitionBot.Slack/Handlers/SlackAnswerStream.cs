using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Handlers;

/// <summary>
/// Shows a generated answer growing in one Slack message: a placeholder first, then chat.update
/// with the text so far at most once per <see cref="Interval"/> (chat.update is Tier 3, about 50
/// a minute), on the injected clock. The final reply replaces it with the full blocks.
/// </summary>
internal sealed class SlackAnswerStream(SlackApiClient slack, PostedMessage placeholder, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public const string PlaceholderText = "Looking that up in the library…";

    private DateTimeOffset _last = time.GetUtcNow();

    public PostedMessage Message => placeholder;

    public async Task OnTextAsync(string text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _last < Interval)
        {
            return;
        }
        _last = now;
        await slack.UpdateMessageAsync(placeholder.Channel, placeholder.Ts, text + " …", [], cancellationToken);
    }
}
