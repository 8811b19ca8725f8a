namespace CoalitionBot.Knowledge;

/// <summary>A term of the glossary, what it means, and the other words people use for it.</summary>
public sealed record GlossaryEntry(string Term, string? Definition, IReadOnlyList<string> Aka)
{
    /// <summary>The term and every other wording of it.</summary>
    public IEnumerable<string> Forms => Aka.Prepend(Term);
}
