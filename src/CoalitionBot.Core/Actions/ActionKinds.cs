namespace CoalitionBot.Actions;

/// <summary>The kinds' names on the wire ("sign-on", "statement", "call-to-action", "event") and in messages.</summary>
internal static class ActionKinds
{
    /// <summary>Each kind once: its name on the wire, and how a form offers it.</summary>
    private static readonly (string Name, ActionKind Kind, string Choice)[] All =
    [
        ("sign-on", ActionKind.SignOn, "Sign-on letter"),
        ("statement", ActionKind.Statement, "Joint statement"),
        ("call-to-action", ActionKind.CallToAction, "Call to action"),
        ("event", ActionKind.Event, "Event"),
    ];

    private static readonly Dictionary<string, ActionKind> ByName = All.ToDictionary(k => k.Name, k => k.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>What a form starts with, and what an action without a kind is.</summary>
    public const string Default = "sign-on";   // All[0]

    /// <summary>The kinds as a form offers them.</summary>
    public static IReadOnlyList<(string Name, string Label)> Choices { get; } = [.. All.Select(k => (k.Name, k.Choice))];

    public static bool TryParse(string? name, out ActionKind kind) => ByName.TryGetValue(name ?? Default, out kind);

    public static string Name(ActionKind kind) => ByName.First(k => k.Value == kind).Key;

    public static string Label(ActionKind kind) => kind switch
    {
        ActionKind.SignOn => "Sign-on request",
        ActionKind.Statement => "Joint statement",
        ActionKind.CallToAction => "Call to action",
        _ => "Event",
    };

    public static string Names => string.Join(", ", ByName.Keys);
}
