using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Conversation;

/// <summary>A member's question the library could not answer, passed to the coordinators, and what came of it.</summary>
public sealed class CoordinatorQuestion
{
    public Guid Id { get; set; }

    /// <summary>The answer the member was not satisfied with; one question per answer.</summary>
    public Guid AnsweredQuestionId { get; set; }

    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public required string ConversationId { get; set; }
    public string? ThreadId { get; set; }
    public required string Question { get; set; }
    public DateTimeOffset AskedAt { get; set; }

    /// <summary>The coordinators' conversation and the message there whose thread takes the answer.</summary>
    public string? CoordinatorConversation { get; set; }
    public string? CoordinatorMessage { get; set; }

    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the answer was saved into the library, and under which title.</summary>
    public DateTimeOffset? SavedAt { get; set; }
    public string? SavedAs { get; set; }
}

internal sealed class CoordinatorQuestionConfiguration : IEntityTypeConfiguration<CoordinatorQuestion>
{
    public void Configure(EntityTypeBuilder<CoordinatorQuestion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.HasIndex(q => q.AnsweredQuestionId).IsUnique();
        builder.HasIndex(q => new { q.Platform, q.CoordinatorConversation, q.CoordinatorMessage });
    }
}
