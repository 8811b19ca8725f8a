using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionBot.Actions;
using CoalitionBot.Knowledge;
using CoalitionBot.Onboarding;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Conversation;

/// <summary>
/// Routes a message (help, the tour, a joint-action command, or a question) and turns the answer into a platform-neutral
/// <see cref="Reply"/>; records answers and the feedback on them. Knows no platform.
/// </summary>
public sealed partial class ConversationEngine(
    AnswerService answers,
    SuggestionPool suggestions,
    OnboardingService onboarding,
    CoordinatorQuestions coordinators,
    ActionInteractions actions,
    LibraryScopes scopes,
    IDbContextFactory<CoalitionDbContext> contexts,
    IOptions<ConversationOptions> options,
    TimeProvider time)
{
    // A follow-up's context grows with each turn; past this the oldest of it goes.
    private const int MaxContext = 400;

    // How far back "tell me more" looks for what it has already shown.
    private const int MaxMore = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "help", "?", "hi", "hello", "what can you do", "what can you do?" };

    public const string HelpText =
        "I answer questions from the coalition's documents and cite the passages I used. " +
        "Ask me in a direct message, mention me in a channel, or use `/coalition ask <question>`. " +
        "For example: \"What can diaspora groups do in a crisis?\" or \"What does an advocacy module contain?\". " +
        "When the library does not cover a question, I say so rather than guess. " +
        "Joint actions (sign-on letters, statements): \"actions\" lists the open ones, \"action status <id>\" shows one; " +
        "coordinators start one with \"action new\" and end one early with \"action close <id>\" (in Slack also as `/coalition actions` and so on). " +
        "New to the coalition? Say \"onboard\" (`/coalition onboard`) for a short guided tour; \"continue onboarding\" picks it up where you left it.";

    public static IReadOnlyList<string> ExampleQuestions { get; } =
    [
        "What can diaspora groups do in a crisis?",
        "What is the common goal of the alliance?",
        "What does an advocacy module contain?",
    ];

    public static Reply Help() => new(ReplyKind.Help, HelpText, null,
        [.. ExampleQuestions.Select(q => new ReplyButton(q, ReplyActions.Ask, q)), new ReplyButton("Take the tour", ReplyActions.OnboardStart, OnboardingService.DefaultTrackValue)]);

    /// <summary>
    /// Whether the bot answered in this thread within the context window: there, members' next
    /// messages are follow-ups to answer without a new @mention.
    /// </summary>
    public async Task<bool> IsFollowingAsync(string platform, string conversationId, string threadId, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.Value.ContextTtl;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AnsweredQuestions.AnyAsync(a => a.Platform == platform && a.ConversationId == conversationId && a.ThreadId == threadId && a.AskedAt >= since, cancellationToken);
    }

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
        if (ActionCommand.Parse(text) is { } command)
        {
            return await actions.CommandAsync(message with { Text = text }, command, cancellationToken);
        }
        var onboard = Onboard().Match(text);
        if (onboard.Success)
        {
            return onboard.Groups["continue"].Success
                ? await onboarding.ContinueAsync(message.Platform, message.UserId, cancellationToken)
                : await onboarding.StartAsync(message.Platform, message.UserId, onboard.Groups["track"].Value is { Length: > 0 } track ? track : null, cancellationToken);
        }
        var (kind, focus) = FollowUps.Read(text);
        var followUp = await FollowUpAsync(message, kind, focus, cancellationToken);
        var scope = scopes.For(message.Platform, message.ConversationId);
        var answer = await answers.AskAsync(text, followUp, scope, onText, cancellationToken);
        if (followUp is not null && kind == FollowUpKind.More && !answer.Found)
        {
            answer = answer with { Text = "That is all the library says about it. " + answer.Text };
        }
        var id = await RecordAsync(message, answer, followUp, cancellationToken);
        return answer.Found
            ? new Reply(ReplyKind.Answer, answer.Text, answer, [.. FeedbackButtons(id), .. NextQuestions(answer, scope)], id)
            : new Reply(ReplyKind.NotFound, answer.Text, answer, [.. answer.Suggestions.Select(s => new ReplyButton(s, ReplyActions.Ask, s)), .. AskCoordinator(message.Platform, id)], id);
    }

    /// <summary>"Ask a coordinator", where a coordinators' conversation is set up for the platform.</summary>
    private List<ReplyButton> AskCoordinator(string platform, Guid answerId) =>
        coordinators.IsOffered(platform) ? [coordinators.Button(answerId)] : [];

    /// <summary>
    /// A click on an onboarding button. "Ask about this" makes the step's answer the thread's last
    /// turn, so the member's own question about it is read as a follow-up.
    /// </summary>
    public async Task<Reply> OnboardingClickAsync(IncomingMessage where, string action, string value, CancellationToken cancellationToken)
    {
        if (action != ReplyActions.OnboardAbout)
        {
            return await onboarding.ClickAsync(where.Platform, where.UserId, action, value, cancellationToken);
        }
        if (await onboarding.StepAnswerAsync(value, cancellationToken) is not var (step, answer))
        {
            return new Reply(ReplyKind.Problem, "That step no longer exists. Say “continue onboarding” to see where you are.", null, []);
        }
        await RecordAsync(where, answer, null, cancellationToken);
        var next = NextQuestions(answer, scopes.For(where.Platform, where.ConversationId));
        return new Reply(ReplyKind.Onboarding,
            $"What would you like to know about “{step.Title}”? Type your question here and I'll read it with this step in mind"
            + (next.Count > 0 ? ", or pick one of these:" : "."),
            null, next);
    }

    /// <summary>Two or three questions the library answers, to ask next with one click.</summary>
    private List<ReplyButton> NextQuestions(Answer answer, LibraryScope scope) =>
        suggestions.FollowUps(answer, scope).Select(q => new ReplyButton(q, ReplyActions.Ask, q)).ToList();

    /// <summary>
    /// For "tell me more" or "what about children?": the thread's last question (within the
    /// context window) and what it cited. Null when the message stands on its own or there is no context.
    /// </summary>
    private async Task<FollowUpContext?> FollowUpAsync(IncomingMessage message, FollowUpKind kind, string? focus, CancellationToken cancellationToken)
    {
        if (kind == FollowUpKind.None)
        {
            return null;
        }
        var since = time.GetUtcNow() - options.Value.ContextTtl;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var inConversation = db.AnsweredQuestions.Where(a => a.Platform == message.Platform && a.ConversationId == message.ConversationId && a.AskedAt >= since);
        var recent = await inConversation.Where(a => a.ThreadId == message.ThreadId)
            .OrderByDescending(a => a.AskedAt).Take(MaxMore).ToListAsync(cancellationToken);
        if (recent.Count == 0 && message.Direct)
        {
            // A follow-up typed below the conversation rather than in the answer's thread (what people do in
            // a Slack DM, where each message starts a thread): it follows the same person's last turn there.
            recent = await inConversation.Where(a => a.UserId == message.UserId)
                .OrderByDescending(a => a.AskedAt).Take(MaxMore).ToListAsync(cancellationToken);
        }
        if (recent.Count == 0)
        {
            return null;
        }
        var previous = recent[0];
        // "Tell me more" searches what the previous turn searched, past everything that search has shown so far
        // (the question and each "more" since); a new focus reads the previous turn's topic as its context.
        var context = kind == FollowUpKind.More ? previous.Context ?? previous.Question : previous.Topic;
        var shown = kind == FollowUpKind.More
            ? recent.TakeWhile(r => (r.Context ?? r.Question) == context && r.Focus == previous.Focus)
            : [previous];
        var cited = shown.SelectMany(r => JsonSerializer.Deserialize<List<Citation>>(r.CitationsJson, Json) ?? []).Select(c => c.Passage).ToHashSet(StringComparer.Ordinal);
        return new FollowUpContext(context.Length > MaxContext ? context[..MaxContext] : context, kind == FollowUpKind.More ? previous.Focus : focus, cited);
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
        return new Reply(ReplyKind.Answer, answer.Text, answer, helpful ? [] : AskCoordinator(platform, id), id, note);
    }

    [GeneratedRegex(@"^(?:/?(?:start\s+)?onboard(?:ing)?(?:\s+(?<track>[\w-]+))?|(?<continue>(?:continue|resume)\s+(?:the\s+)?(?:onboarding|tour)))\s*[.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Onboard();

    private static List<ReplyButton> FeedbackButtons(Guid id) =>
    [
        new("Helpful", ReplyActions.Helpful, id.ToString()),
        new("Not helpful", ReplyActions.NotHelpful, id.ToString()),
    ];

    private async Task<Guid> RecordAsync(IncomingMessage message, Answer answer, FollowUpContext? followUp, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = new AnsweredQuestion
        {
            Id = Guid.NewGuid(),
            Platform = message.Platform,
            UserId = message.UserId,
            ConversationId = message.ConversationId,
            ThreadId = message.ThreadId,
            Question = answer.Question,
            Context = followUp?.Previous,
            Focus = followUp?.Focus,
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
