using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Actions;

public enum ActionKind { SignOn, Statement, CallToAction, Event }

public enum ActionAnswer { Signed, Declined, Later }

/// <summary>A joint advocacy action: what to sign or do, by when, for whom. Times are UTC; <see cref="TimeZone"/> is the coordinator's, for display.</summary>
public sealed class AdvocacyAction
{
    public required string Id { get; set; }
    public ActionKind Kind { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>ISO 8601 durations before the deadline, comma-separated ("P3D,P1D,PT2H").</summary>
    public required string ReminderOffsets { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Who receives the summary at the close (platform and user id); none for actions made without one.</summary>
    public string? CoordinatorPlatform { get; set; }
    public string? CoordinatorUser { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when a coordinator closed it before the deadline; past the deadline it is closed anyway.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the broadcast is due, for an action created to go out later; null: it went out at creation.</summary>
    public DateTimeOffset? SendAt { get; set; }

    /// <summary>Set when a coordinator cancelled it: no further reminders, and the audience was told.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When a coordinator last edited it after creation.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    public List<ActionAudience> Audience { get; set; } = [];
    public List<ActionResponse> Responses { get; set; } = [];

    /// <summary>Closed by a coordinator, cancelled, or past its deadline: it takes no answers and sends no reminders.</summary>
    public bool IsClosedAt(DateTimeOffset now) => ClosedAt is not null || CancelledAt is not null || now >= Deadline;
}

/// <summary>A conversation the action is broadcast to; <see cref="Dm"/> also asks each member directly.</summary>
public sealed class ActionAudience
{
    public long Id { get; set; }
    public required string ActionId { get; set; }
    public required string Platform { get; set; }
    public required string Conversation { get; set; }
    public bool Dm { get; set; }
}

/// <summary>A member's answer; the latest counts (changing one's mind before the deadline is allowed). Organisations are what sign.</summary>
public sealed class ActionResponse
{
    public long Id { get; set; }
    public required string ActionId { get; set; }
    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public ActionAnswer Answer { get; set; }
    public string? Organisation { get; set; }
    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

internal sealed class AdvocacyActionConfiguration : IEntityTypeConfiguration<AdvocacyAction>
{
    public void Configure(EntityTypeBuilder<AdvocacyAction> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>();
        builder.HasMany(a => a.Audience).WithOne().HasForeignKey(a => a.ActionId);
        builder.HasMany(a => a.Responses).WithOne().HasForeignKey(r => r.ActionId);
        builder.HasIndex(a => a.Deadline);
    }
}

internal sealed class ActionResponseConfiguration : IEntityTypeConfiguration<ActionResponse>
{
    public void Configure(EntityTypeBuilder<ActionResponse> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Answer).HasConversion<string>();
        builder.HasIndex(r => new { r.ActionId, r.Platform, r.UserId }).IsUnique();
    }
}
