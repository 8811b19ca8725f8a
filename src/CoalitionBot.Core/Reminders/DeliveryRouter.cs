using CoalitionBot.Conversation;

namespace CoalitionBot.Reminders;

/// <summary>Finds the composer for a delivery's kind and the sender for its platform.</summary>
public sealed class DeliveryRouter(IEnumerable<IDeliveryComposer> composers, IEnumerable<IReplySender> senders)
{
    private readonly Dictionary<string, IDeliveryComposer> _composers = composers.ToDictionary(c => c.Kind, StringComparer.Ordinal);
    private readonly Dictionary<string, IReplySender> _senders = senders.ToDictionary(s => s.Platform, StringComparer.OrdinalIgnoreCase);

    public Task<Reply?> ComposeAsync(Delivery delivery, CancellationToken cancellationToken) =>
        _composers.TryGetValue(delivery.Kind, out var composer)
            ? composer.ComposeAsync(delivery, cancellationToken)
            : throw new InvalidOperationException($"No composer writes deliveries of kind '{delivery.Kind}'.");

    public Task<DateTimeOffset?> PostponeAsync(Delivery delivery, CancellationToken cancellationToken) =>
        _composers.TryGetValue(delivery.Kind, out var composer) ? composer.PostponeAsync(delivery, cancellationToken) : Task.FromResult<DateTimeOffset?>(null);

    public Task<SentReply> SendAsync(Delivery delivery, Reply reply, CancellationToken cancellationToken) =>
        _senders.TryGetValue(delivery.Platform, out var sender)
            ? sender.SendAsync(new ReplyTarget(delivery.Platform, delivery.UserId, delivery.ConversationId, delivery.ThreadId), reply, cancellationToken)
            : throw new InvalidOperationException($"{delivery.Platform} is not configured here, so nothing can be sent there.");
}
