using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Organisations;

/// <summary>How a membership came into the directory.</summary>
public enum MembershipSource
{
    /// <summary>A coordinator added it (the API, the workspace).</summary>
    Manual,

    /// <summary>A row of a CSV import.</summary>
    Import,

    /// <summary>The member signed with a name that matched the organisation; counts once a coordinator confirms it.</summary>
    Learned,
}

/// <summary>A Slack or Teams user who belongs to an organisation: one organisation per user and platform.</summary>
public sealed class OrganisationMember
{
    public long Id { get; set; }
    public required string OrganisationId { get; set; }
    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public MembershipSource Source { get; set; }

    /// <summary>
    /// Manual and imported memberships are confirmed; learned ones wait for a coordinator. An unconfirmed one
    /// already keeps "your organisation has not answered" from its member once the organisation answered.
    /// </summary>
    public bool Confirmed { get; set; }

    /// <summary>What the member typed when the membership was learned.</summary>
    public string? TypedName { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Source).HasConversion<string>();
        // One organisation per person: a second insert for the same user fails instead of making them count twice.
        builder.HasIndex(m => new { m.Platform, m.UserId }).IsUnique();
        builder.HasIndex(m => m.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
