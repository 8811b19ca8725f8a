namespace CoalitionBot.Knowledge;

/// <summary>
/// Which collections a question may be answered from: a Slack channel or Teams team limited by
/// <c>Knowledge:Collections</c>, or the whole library (<see cref="Everything"/>, DMs and the web
/// chat unless configured). Ranking, abstention and suggestions all read the same scope.
/// </summary>
public sealed record LibraryScope
{
    private LibraryScope(IReadOnlySet<string>? collections) => Collections = collections;

    /// <summary>The whole library.</summary>
    public static LibraryScope Everything { get; } = new((IReadOnlySet<string>?)null);

    /// <summary>The collections searched, or null for all of them.</summary>
    public IReadOnlySet<string>? Collections { get; }

    public static LibraryScope Of(IEnumerable<string> collections)
    {
        var set = collections.Select(c => c.Trim()).Where(c => c.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return set.Count == 0 ? Everything : new LibraryScope(set);
    }

    public bool IsEverything => Collections is null;

    public bool Includes(string collection) => Collections is null || Collections.Contains(collection);

    public override string ToString() => Collections is null ? "the whole library" : string.Join(", ", Collections.Order(StringComparer.OrdinalIgnoreCase));
}
