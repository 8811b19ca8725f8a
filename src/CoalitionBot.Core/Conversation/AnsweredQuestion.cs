using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Conversation;

/// <summary>An answer the bot gave, kept so that feedback on it can say what was asked and cited.</summary>
public sealed class AnsweredQuestion
{
    public Guid Id { get; set; }
    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public required string ConversationId { get; set; }

    /// <summary>The thread it was answered in, where the platform has threads: follow-ups are read within it.</summary>
    public string? ThreadId { get; set; }

    public required string Question { get; set; }

    /// <summary>For a follow-up: what came before it (the earlier questions it was read with).</summary>
    public string? Context { get; set; }

    /// <summary>For a follow-up: what it added ("children" in "what about children?").</summary>
    public string? Focus { get; set; }

    /// <summary>What the turn was about, for the next follow-up: the question, or the focus in its context.</summary>
    public string Topic => Focus is null ? Context ?? Question : $"{Focus} {Context}";
    public required string AnswerText { get; set; }
    public bool Found { get; set; }

    /// <summary>The citations as the answer JSON has them.</summary>
    public required string CitationsJson { get; set; }

    public DateTimeOffset AskedAt { get; set; }
}

/// <summary>A member's verdict on an answer; one per member and answer (a second click changes it).</summary>
public sealed class AnswerFeedback
{
    public long Id { get; set; }
    public Guid AnsweredQuestionId { get; set; }
    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public bool Helpful { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class AnsweredQuestionConfiguration : IEntityTypeConfiguration<AnsweredQuestion>
{
    public void Configure(EntityTypeBuilder<AnsweredQuestion> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.Topic);
        builder.HasIndex(a => a.AskedAt);
        builder.HasIndex(a => new { a.Platform, a.ConversationId, a.AskedAt });
    }
}

internal sealed class AnswerFeedbackConfiguration : IEntityTypeConfiguration<AnswerFeedback>
{
    public void Configure(EntityTypeBuilder<AnswerFeedback> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<AnsweredQuestion>().WithMany().HasForeignKey(f => f.AnsweredQuestionId);
        builder.HasIndex(f => new { f.AnsweredQuestionId, f.Platform, f.UserId }).IsUnique();
    }
}
