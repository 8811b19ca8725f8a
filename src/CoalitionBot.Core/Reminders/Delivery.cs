using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Reminders;

public enum DeliveryState
{
    Pending,
    Sent,

    /// <summary>Given up after <see cref="RemindersOptions.MaxAttempts"/>; <see cref="Delivery.Error"/> says why.</summary>
    Failed,

    /// <summary>Not sent on purpose: no longer needed (the member answered) or superseded by a later one after downtime.</summary>
    Skipped,
}

/// <summary>
/// A message to send at a due time: a broadcast, a reminder, a summary. A row, not a timer, so a
/// restart loses nothing; a worker takes it with a lease, so two instances never send it both;
/// its <see cref="Key"/> is unique, so scheduling the same message twice stores it once.
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }

    /// <summary>What the message is for, unique: e.g. "reminder:act_12:P1D:slack:U123".</summary>
    public required string Key { get; set; }

    /// <summary>
    /// Deliveries of one group replace each other: after downtime only the latest due one of a
    /// group is sent, not a burst of all the missed ones. E.g. "reminder:act_12:slack:U123".
    /// </summary>
    public required string Group { get; set; }

    /// <summary>Which <see cref="IDeliveryComposer"/> writes the message when it is due.</summary>
    public required string Kind { get; set; }

    /// <summary>What the composer needs (an action id, …).</summary>
    public string? Subject { get; set; }

    /// <summary>What the composer needs besides the subject, fixed when it was scheduled (what an edit changed, …).</summary>
    public string? Detail { get; set; }

    public required string Platform { get; set; }
    public string? UserId { get; set; }
    public string? ConversationId { get; set; }
    public string? ThreadId { get; set; }

    public DateTimeOffset DueAt { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>
    /// Set just before the message is handed to the platform, cleared once the outcome is known. Still
    /// set when a worker takes the row again means the host stopped mid-send: the outcome is in doubt.
    /// </summary>
    public DateTimeOffset? SendingSince { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Where the message landed (conversation and message id), to update it later.</summary>
    public string? SentTo { get; set; }
    public string? MessageId { get; set; }

    /// <summary>Why the last attempt failed, or why it was skipped.</summary>
    public string? Error { get; set; }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.HasIndex(d => new { d.State, d.DueAt });
        builder.HasIndex(d => d.Group);
        builder.Property(d => d.State).HasConversion<string>();
    }
}
