namespace CoalitionBot.Knowledge;

/// <summary>What one index update did: documents added, changed, unchanged, removed and skipped.</summary>
public sealed record IndexUpdate(int Added, int Changed, int Unchanged, int Removed, int Skipped, int Documents, int Passages, TimeSpan Took)
{
    /// <summary>Ids of the documents that were (re-)indexed this time.</summary>
    public IReadOnlyList<string> Indexed { get; init; } = [];
}

/// <summary>Progress of a long index update: files looked at, of all, and how many of them were skipped so far.</summary>
public readonly record struct IndexProgress(int Done, int Total, int Skipped = 0);

/// <summary>Document and passage counts of the open index.</summary>
public readonly record struct IndexStats(int Documents, int Passages)
{
    /// <summary>When an update last changed the index (committed), or null for an index older than this field.</summary>
    public DateTimeOffset? LastChanged { get; init; }
}

/// <summary>One indexed document, as the CLI's <c>library</c> lists it.</summary>
/// <param name="Pages">Pages of a paged format (PDF), else 0.</param>
/// <param name="Updated">The document's own date, else its file time.</param>
/// <param name="Indexed">When it was last (re-)indexed.</param>
public sealed record LibraryDocument(string Id, string Title, string Format, int Pages, int Passages, string Collection, string? Url, DateTimeOffset? Updated, DateTimeOffset? Indexed);
