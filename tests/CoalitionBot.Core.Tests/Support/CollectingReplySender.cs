using System.Collections.Concurrent;
using CoalitionBot.Conversation;

namespace CoalitionBot.Tests.Support;

/// <summary>An <see cref="IReplySender"/> that records what it is asked to send; <see cref="FailWith"/> makes it throw.</summary>
public sealed class CollectingReplySender(string platform = "slack") : IReplySender
{
    private int _ids;

    public ConcurrentQueue<(ReplyTarget Target, Reply Reply)> Sent { get; } = new();

    public Exception? FailWith { get; set; }

    public string Platform => platform;

    public Task<SentReply> SendAsync(ReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        if (FailWith is { } error)
        {
            throw error;
        }
        Sent.Enqueue((target, reply));
        return Task.FromResult(new SentReply(target.ConversationId ?? "D" + target.UserId, $"m{Interlocked.Increment(ref _ids)}"));
    }
}
