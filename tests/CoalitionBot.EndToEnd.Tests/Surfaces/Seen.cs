using System.Text.RegularExpressions;

namespace CoalitionBot.EndToEnd.Tests.Surfaces;

/// <summary>
/// A reply as a member sees it on one surface, reduced to what must be the same everywhere: its words (whitespace and
/// each platform's escaping aside) and its buttons' labels (as far as every platform shows them; Teams cuts at 60).
/// </summary>
public sealed partial record Seen(string Text, IReadOnlyList<string> Buttons)
{
    private const int LabelShown = 50;

    public static Seen Of(string text, IEnumerable<string> buttons) => new(
        Spaces().Replace(text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&"), " ").Trim(),
        buttons.Select(Label).Order(StringComparer.Ordinal).ToList());

    private static string Label(string label)
    {
        var plain = label.TrimEnd('…').Trim().ToLowerInvariant();
        return plain.Length > LabelShown ? plain[..LabelShown] : plain;
    }

    public override string ToString() => $"“{Text}” [{string.Join(" | ", Buttons)}]";

    public bool Equals(Seen? other) => other is not null && Text == other.Text && Buttons.SequenceEqual(other.Buttons);

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>One line of the scenario: something typed, or a button of the last reply pressed by its label.</summary>
public sealed record Step(string? Typed, string? Pressed = null)
{
    public static Step Say(string text) => new(text);

    public static Step Press(string label) => new(null, label);

    public override string ToString() => Typed is not null ? $"say “{Typed}”" : $"press “{Pressed}”";
}

/// <summary>A place a member talks to the bot; each runs the whole scenario and returns one <see cref="Seen"/> per step.</summary>
public interface ISurface
{
    string Name { get; }

    Task<IReadOnlyList<Seen>> RunAsync(IReadOnlyList<Step> steps);
}
