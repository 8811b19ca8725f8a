using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Conversation;

/// <summary>
/// An inbound event already taken in (Slack's event_id, …). Platforms deliver at least once; the
/// unique index makes the second insert of the same id fail, and that failure means "handled
/// already" — also after a restart, and across two instances on one database.
/// </summary>
public sealed class ReceivedEvent
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string EventId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class ReceivedEventConfiguration : IEntityTypeConfiguration<ReceivedEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.Platform, e.EventId }).IsUnique();
        builder.HasIndex(e => e.ReceivedAt);
    }
}
