using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Conversation;

/// <summary>
/// Where the bot can reach a member again without being asked first (proactive messages): one row per
/// platform, conversation and member, refreshed on install and on every message. Plain strings only:
/// the platform adapter owns the shape of <see cref="ReferenceJson"/> (for Teams, a Bot Framework
/// ConversationReference), so Core never depends on a platform SDK.
/// </summary>
public sealed class ConversationReferenceRecord
{
    public long Id { get; set; }

    /// <summary>"teams" (other platforms may follow).</summary>
    public required string Platform { get; set; }

    /// <summary>The conversation as the platform names it (for a Teams channel thread, without ";messageid=").</summary>
    public required string ConversationId { get; set; }

    /// <summary>"personal", "groupChat" or "channel" on Teams.</summary>
    public string? ConversationType { get; set; }

    /// <summary>The member's stable id (Teams: the Entra object id when known, else the 29: id).</summary>
    public required string UserId { get; set; }

    /// <summary>The member's id on the channel (Teams: 29:…), which creating a 1:1 conversation needs.</summary>
    public string? ChannelUserId { get; set; }

    public string? UserName { get; set; }

    public string? TenantId { get; set; }

    public required string ServiceUrl { get; set; }

    /// <summary>The platform's own reference, serialised by the adapter that wrote it.</summary>
    public required string ReferenceJson { get; set; }

    /// <summary>The member's IANA time zone as last reported by their client, if ever.</summary>
    public string? TimeZone { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ConversationReferenceRecordConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.HasKey(r => r.Id);
        // One row per member and conversation: the insert that loses a race fails and becomes an update.
        builder.HasIndex(r => new { r.Platform, r.ConversationId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.Platform, r.UserId });
    }
}
