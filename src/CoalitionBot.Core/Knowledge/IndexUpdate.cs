namespace CoalitionBot.Knowledge;

/// <summary>What one index update did: documents added, changed, unchanged, removed and skipped.</summary>
public sealed record IndexUpdate(int Added, int Changed, int Unchanged, int Removed, int Skipped, int Documents, int Passages, TimeSpan Took)
{
    /// <summary>Ids of the documents that were (re-)indexed this time.</summary>
    public IReadOnlyList<string> Indexed { get; init; } = [];
}

/// <summary>Progress of a long index update.</summary>
public readonly record struct IndexProgress(int Done, int Total);

/// <summary>Document and passage counts of the open index.</summary>
public readonly record struct IndexStats(int Documents, int Passages);
