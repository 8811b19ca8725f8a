using CoalitionBot.Knowledge;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Conversation;

/// <summary>
/// "Ask a coordinator": a question the library did not answer goes to the coordinators'
/// conversation; a coordinator's reply in that thread goes back to the member where they asked;
/// "Save as answer" puts it in the library, so the next person who asks gets it at once.
/// </summary>
public sealed class CoordinatorQuestions(
    IDbContextFactory<CoalitionDbContext> contexts,
    IEnumerable<IReplySender> senders,
    CuratedAnswers curated,
    IOptions<AskCoordinatorsOptions> options,
    TimeProvider time)
{
    public bool IsOffered(string platform) => options.Value.For(platform) is not null && senders.Any(s => s.Platform == platform);

    public ReplyButton Button(Guid answerId) => new("Ask a coordinator", ReplyActions.AskCoordinator, answerId.ToString());

    /// <summary>Passes the question of the answer <paramref name="answerId"/> to the coordinators; the reply tells the member so.</summary>
    public async Task<Reply> AskAsync(string platform, string userId, string answerId, CancellationToken cancellationToken)
    {
        if (options.Value.For(platform) is not { } coordinators || senders.FirstOrDefault(s => s.Platform == platform) is not { } sender)
        {
            return Problem("No coordinators' channel is set up here, so I can't pass questions on. Ask a coordinator directly.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answered = Guid.TryParse(answerId, out var id) ? await db.AnsweredQuestions.FindAsync([id], cancellationToken) : null;
        if (answered is null)
        {
            return Problem("I can't find the question this button belongs to any more. Ask it again, and press “Ask a coordinator” on the new answer.");
        }
        if (await db.Set<CoordinatorQuestion>().AnyAsync(q => q.AnsweredQuestionId == id, cancellationToken))
        {
            return new Reply(ReplyKind.Announcement, "The coordinators already have this question; their answer will come here.", null, []);
        }
        var question = new CoordinatorQuestion
        {
            Id = Guid.NewGuid(),
            AnsweredQuestionId = id,
            Platform = platform,
            UserId = userId,
            ConversationId = answered.ConversationId,
            ThreadId = answered.ThreadId,
            Question = answered.Question,
            AskedAt = time.GetUtcNow(),
            CoordinatorConversation = coordinators,
        };
        db.Add(question);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsDuplicate())
        {
            // A double click: the other click passed it on.
            return new Reply(ReplyKind.Announcement, "The coordinators already have this question; their answer will come here.", null, []);
        }
        SentReply posted;
        try
        {
            posted = await sender.SendAsync(
                ReplyTarget.Conversation(platform, coordinators),
                new Reply(ReplyKind.Announcement,
                    $"A member asked: “{answered.Question}”\n"
                    + (answered.Found ? "They found my answer not helpful." : "The library does not answer it.")
                    + " Reply in this thread and I'll pass your answer on to them.",
                    null, []),
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not passed on, so not recorded as asked: the member can press the button again.
            db.Remove(question);
            await db.SaveChangesAsync(CancellationToken.None);
            return Problem("I couldn't reach the coordinators just now, so your question was not passed on. Please press “Ask a coordinator” again in a moment.");
        }
        question.CoordinatorMessage = posted.MessageId;
        await db.SaveChangesAsync(cancellationToken);
        return new Reply(ReplyKind.Announcement, "I've passed your question to the coordinators; their answer will come here.", null, []);
    }

    /// <summary>
    /// A message in a thread of the coordinators' conversation: if the thread is a member's question,
    /// the answer goes to the member and the coordinators are offered to save it. False when it is not.
    /// </summary>
    public async Task<bool> ReplyAsync(string platform, string conversationId, string threadId, string coordinator, string text, CancellationToken cancellationToken)
    {
        if (options.Value.For(platform) != conversationId || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var question = await db.Set<CoordinatorQuestion>()
            .SingleOrDefaultAsync(q => q.Platform == platform && q.CoordinatorConversation == conversationId && q.CoordinatorMessage == threadId, cancellationToken);
        if (question is null || senders.FirstOrDefault(s => s.Platform == platform) is not { } sender)
        {
            return false;
        }
        question.Answer = text.Trim();
        question.AnsweredBy = coordinator;
        question.AnsweredAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await sender.SendAsync(
            ReplyTarget.Conversation(platform, question.ConversationId, question.ThreadId),
            new Reply(ReplyKind.Announcement, $"A coordinator answered your question “{question.Question}”:\n\n{question.Answer}", null, []),
            cancellationToken);
        await sender.SendAsync(
            ReplyTarget.Conversation(platform, conversationId, threadId),
            new Reply(ReplyKind.Announcement, "Sent to the member. Save it in the library, so the next person who asks gets this answer at once?", null,
                [new ReplyButton("Save as answer", ReplyActions.SaveAnswer, question.Id.ToString())]),
            cancellationToken);
        return true;
    }

    /// <summary>"Save as answer": the latest coordinator answer becomes a library document, cited as "Coordinator answer, &lt;date&gt;".</summary>
    public async Task<Reply> SaveAsync(string questionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var question = Guid.TryParse(questionId, out var id) ? await db.Set<CoordinatorQuestion>().FindAsync([id], cancellationToken) : null;
        if (question?.Answer is null)
        {
            return Problem("I can't find an answer to save for this button.");
        }
        question.SavedAs = await curated.SaveAsync(question.Id.ToString("N")[..12], question.Question, question.Answer, cancellationToken);
        question.SavedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new Reply(ReplyKind.Announcement, $"Saved as “{question.SavedAs}”: the next person who asks “{question.Question}” gets this answer at once.", null, []);
    }

    /// <summary>
    /// "Answer it" in the coordinators' workspace: the answer goes to each member who asked (where they asked, as a
    /// reply in a coordinators' thread would) and is saved in the library for the next person. Members of a surface
    /// the bot cannot write to first (the web chat) get it the next time they ask. Returns how many were sent.
    /// </summary>
    public async Task<(int Sent, int Unreachable)> AnswerAsync(IReadOnlyList<Guid> answerIds, string coordinator, string text, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asked = await db.AnsweredQuestions.Where(a => answerIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var existing = await db.Set<CoordinatorQuestion>().Where(q => answerIds.Contains(q.AnsweredQuestionId)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var questions = asked.Select(a =>
        {
            var question = existing.FirstOrDefault(q => q.AnsweredQuestionId == a.Id);
            if (question is null)
            {
                question = new CoordinatorQuestion
                {
                    Id = Guid.NewGuid(), AnsweredQuestionId = a.Id, Platform = a.Platform, UserId = a.UserId,
                    ConversationId = a.ConversationId, ThreadId = a.ThreadId, Question = a.Question, AskedAt = now,
                };
                db.Add(question);
            }
            question.Answer = text.Trim();
            question.AnsweredBy = coordinator;
            question.AnsweredAt = now;
            return question;
        }).ToList();
        await db.SaveChangesAsync(cancellationToken);
        int sent = 0, unreachable = 0;
        foreach (var question in questions)
        {
            if (senders.FirstOrDefault(s => s.Platform == question.Platform) is not { } sender)
            {
                unreachable++;
                continue;
            }
            try
            {
                await sender.SendAsync(
                    ReplyTarget.Conversation(question.Platform, question.ConversationId, question.ThreadId),
                    new Reply(ReplyKind.Announcement, $"A coordinator answered your question “{question.Question}”:\n\n{question.Answer}", null, []),
                    cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One member who cannot be reached (left the channel, uninstalled) does not stop the others; the answer is saved all the same.
                unreachable++;
            }
        }
        if (questions.Count > 0)
        {
            var first = questions[0];
            var title = await curated.SaveAsync(first.Id.ToString("N")[..12], first.Question, first.Answer!, cancellationToken);
            questions.ForEach(q => (q.SavedAs, q.SavedAt) = (title, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return (sent, unreachable);
    }

    private static Reply Problem(string text) => new(ReplyKind.Problem, text, null, []);
}
