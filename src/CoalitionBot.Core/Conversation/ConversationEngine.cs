using System.Text.Json;
using CoalitionBot.Knowledge;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Conversation;

/// <summary>
/// Routes a message (help, or a question) and turns the answer into a platform-neutral
/// <see cref="Reply"/>; records answers and the feedback on them. Knows no platform.
/// </summary>
public sealed class ConversationEngine(AnswerService answers, IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "help", "?", "hi", "hello", "what can you do", "what can you do?" };

    public const string HelpText =
        "I answer questions from the coalition's documents and cite the passages I used. " +
        "Ask me in a direct message, mention me in a channel, or use `/coalition ask <question>`. " +
        "For example: \"What can diaspora groups do in a crisis?\" or \"What does an advocacy module contain?\". " +
        "When the library does not cover a question, I say so rather than guess. " +
        "Joint actions (sign-on letters, statements): `/coalition actions` lists the open ones, `/coalition action status <id>` shows one; " +
        "coordinators start one with `/coalition action new` and end one early with `/coalition action close <id>` (on Teams, type the same words to me without the slash).";

    public static IReadOnlyList<string> ExampleQuestions { get; } =
    [
        "What can diaspora groups do in a crisis?",
        "What is the common goal of the alliance?",
        "What does an advocacy module contain?",
    ];

    public static Reply Help() => new(ReplyKind.Help, HelpText, null, ExampleQuestions.Select(q => new ReplyButton(q, ReplyActions.Ask, q)).ToList());

    /// <summary>True when answers are written by a chat model, so a platform can show them as they stream.</summary>
    public bool StreamsAnswers => answers.Streams;

    public Task<Reply> ReplyToAsync(IncomingMessage message, CancellationToken cancellationToken) => ReplyToAsync(message, null, cancellationToken);

    /// <param name="onText">Receives a generated answer's text so far while the model writes it (see <see cref="AnswerService.AskAsync(string, Func{string, CancellationToken, Task}?, CancellationToken)"/>).</param>
    public async Task<Reply> ReplyToAsync(IncomingMessage message, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        var text = message.Text.Trim();
        if (HelpWords.Contains(text))
        {
            return Help();
        }
        if (answers.Problem(text) is { } problem)
        {
            return new Reply(ReplyKind.Problem, problem, null, []);
        }
        var answer = await answers.AskAsync(text, onText, cancellationToken);
        var id = await RecordAsync(message, answer, cancellationToken);
        return answer.Found
            ? new Reply(ReplyKind.Answer, answer.Text, answer, FeedbackButtons(id), id)
            : new Reply(ReplyKind.NotFound, answer.Text, answer, answer.Suggestions.Select(s => new ReplyButton(s, ReplyActions.Ask, s)).ToList(), id);
    }

    /// <summary>What the person sees when answering failed: never silence, and a way to try again.</summary>
    public static Reply Apology(string question) => new(
        ReplyKind.Apology,
        "Sorry, something went wrong while I was looking that up. Please try again in a moment.",
        null,
        string.IsNullOrWhiteSpace(question) ? [] : [new ReplyButton("Try again", ReplyActions.Retry, question)]);

    /// <summary>
    /// Stores a member's verdict and returns the answer as it should now be shown (the buttons
    /// replaced by thanks), or a problem reply when the button names no answer we gave.
    /// </summary>
    public async Task<Reply> RecordFeedbackAsync(string platform, string userId, string answerId, bool helpful, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answered = Guid.TryParse(answerId, out var id) ? await db.AnsweredQuestions.FindAsync([id], cancellationToken) : null;
        if (answered is null)
        {
            return new Reply(ReplyKind.Problem, "I can't find the answer this button belongs to any more, so nothing was recorded. Ask the question again and rate the new answer.", null, []);
        }
        var existing = await db.AnswerFeedback.SingleOrDefaultAsync(f => f.AnsweredQuestionId == id && f.Platform == platform && f.UserId == userId, cancellationToken);
        if (existing is null)
        {
            db.AnswerFeedback.Add(new AnswerFeedback { AnsweredQuestionId = id, Platform = platform, UserId = userId, Helpful = helpful, At = time.GetUtcNow() });
        }
        else
        {
            existing.Helpful = helpful;
            existing.At = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        var answer = new Answer(answered.Question, answered.Found, answered.AnswerText, JsonSerializer.Deserialize<List<Citation>>(answered.CitationsJson, Json) ?? [], []);
        var note = helpful ? "Thanks — marked as helpful." : "Thanks — marked as not helpful. The coordinators will see it.";
        return new Reply(ReplyKind.Answer, answer.Text, answer, [], id, note);
    }

    private static List<ReplyButton> FeedbackButtons(Guid id) =>
    [
        new("Helpful", ReplyActions.Helpful, id.ToString()),
        new("Not helpful", ReplyActions.NotHelpful, id.ToString()),
    ];

    private async Task<Guid> RecordAsync(IncomingMessage message, Answer answer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = new AnsweredQuestion
        {
            Id = Guid.NewGuid(),
            Platform = message.Platform,
            UserId = message.UserId,
            ConversationId = message.ConversationId,
            Question = answer.Question,
            AnswerText = answer.Text,
            Found = answer.Found,
            CitationsJson = JsonSerializer.Serialize(answer.Citations, Json),
            AskedAt = time.GetUtcNow(),
        };
        db.AnsweredQuestions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }
}
