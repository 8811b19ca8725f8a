using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Onboarding;

/// <summary>Where a member is in a track: kept in the database, so a restart or a week away resumes at the right step.</summary>
public sealed class OnboardingProgress
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public required string TrackId { get; set; }

    /// <summary>The step the member is on (its id: a step moved by an edit is still found).</summary>
    public required string StepId { get; set; }

    /// <summary>Ids of the steps whose checklist item the member ticked, one per line.</summary>
    public string Checked { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? PausedAt { get; set; }

    public IReadOnlyList<string> CheckedSteps => Checked.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>That a member was welcomed: once per member and platform, whatever channel they join next.</summary>
public sealed class OnboardingWelcome
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class OnboardingProgressConfiguration : IEntityTypeConfiguration<OnboardingProgress>
{
    public void Configure(EntityTypeBuilder<OnboardingProgress> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Ignore(p => p.CheckedSteps);
        builder.HasIndex(p => new { p.Platform, p.UserId, p.TrackId }).IsUnique();
    }
}

internal sealed class OnboardingWelcomeConfiguration : IEntityTypeConfiguration<OnboardingWelcome>
{
    public void Configure(EntityTypeBuilder<OnboardingWelcome> builder)
    {
        builder.HasKey(w => w.Id);
        builder.HasIndex(w => new { w.Platform, w.UserId }).IsUnique();
    }
}
