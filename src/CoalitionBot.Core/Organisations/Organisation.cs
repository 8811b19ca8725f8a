using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Organisations;

/// <summary>A member organisation of the coalition: what signs a sign-on letter, and what reminders are counted by.</summary>
public sealed class Organisation
{
    /// <summary>"org_…".</summary>
    public required string Id { get; set; }

    /// <summary>The name as the coalition writes it (and as it goes under a letter).</summary>
    public required string Name { get; set; }

    /// <summary><see cref="OrganisationNames.Key"/> of <see cref="Name"/>: unique, so one organisation is in the directory once.</summary>
    public required string NameKey { get; set; }

    public string? Country { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whom coordinators call when the organisation has not answered.</summary>
    public List<FocalPoint> FocalPoints { get; set; } = [];
}

/// <summary>A contact person of an organisation, listed beside it while it has not answered.</summary>
public sealed class FocalPoint
{
    public long Id { get; set; }
    public required string OrganisationId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// Another way members type an organisation's name ("HIAS Europe" for HIAS), added when a coordinator merges an
/// unknown name into the organisation; from then on that name counts for it.
/// </summary>
public sealed class OrganisationAlias
{
    public long Id { get; set; }
    public required string OrganisationId { get; set; }
    public required string Name { get; set; }
    public required string NameKey { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.NameKey).IsUnique();
        builder.HasMany(o => o.FocalPoints).WithOne().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationAliasConfiguration : IEntityTypeConfiguration<OrganisationAlias>
{
    public void Configure(EntityTypeBuilder<OrganisationAlias> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.NameKey).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
