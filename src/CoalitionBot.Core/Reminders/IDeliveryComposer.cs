using CoalitionBot.Conversation;

namespace CoalitionBot.Reminders;

/// <summary>
/// Writes the message of a due <see cref="Delivery"/> at send time (a reminder's count of
/// non-responders is known only then), one composer per <see cref="Delivery.Kind"/>.
/// </summary>
public interface IDeliveryComposer
{
    string Kind { get; }

    /// <summary>The reply to send, or null when it is no longer needed (the member answered, the action closed).</summary>
    Task<Reply?> ComposeAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>A later time to send it at instead (a reminder that would land at night), or null to send it now.</summary>
    Task<DateTimeOffset?> PostponeAsync(Delivery delivery, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
}
