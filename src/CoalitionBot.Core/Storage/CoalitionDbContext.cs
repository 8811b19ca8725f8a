using CoalitionBot.Conversation;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage;

/// <summary>Everything the bot must remember across restarts. Entity configurations live beside their features.</summary>
public sealed class CoalitionDbContext(DbContextOptions<CoalitionDbContext> options) : DbContext(options)
{
    public DbSet<AnsweredQuestion> AnsweredQuestions => Set<AnsweredQuestion>();

    public DbSet<AnswerFeedback> AnswerFeedback => Set<AnswerFeedback>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoalitionDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // SQLite cannot order or compare DateTimeOffset; UTC ticks keep the order and the instant.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<long>();
}
