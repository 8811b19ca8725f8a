using Microsoft.Extensions.Options;

namespace CoalitionBot.AI;

/// <summary>
/// What AnswerService may use of the model: semantic search, generation, or both, and the
/// deadline one question has for them together (AI:Timeout), on the injected clock.
/// Registered only when AI:Provider is set.
/// </summary>
public sealed class AIAnswering
{
    private readonly IOptions<AIOptions> _options;
    private readonly TimeProvider _time;

    internal AIAnswering(IOptions<AIOptions> options, TimeProvider time, GroundedAnswerer? generator, SemanticSearch? semantic)
    {
        _options = options;
        _time = time;
        Generator = generator;
        Semantic = semantic;
    }

    internal GroundedAnswerer? Generator { get; }

    /// <summary>Embeds the passages the index gained since the last time (AI:EmbeddingModel); nothing without one.</summary>
    internal Task UpdateEmbeddingsAsync(CancellationToken cancellationToken) =>
        Semantic?.UpdateAsync(cancellationToken) ?? Task.CompletedTask;

    internal SemanticSearch? Semantic { get; }

    /// <summary>Cancelled when the caller gives up or when AI:Timeout has passed on the injected clock.</summary>
    internal QuestionDeadline Deadline(CancellationToken cancellationToken) => new(_options.Value.Timeout, _time, cancellationToken);
}

/// <summary>The time one question has for the model; dispose it when the question is answered.</summary>
internal sealed class QuestionDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public QuestionDeadline(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _timer = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
    }

    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
