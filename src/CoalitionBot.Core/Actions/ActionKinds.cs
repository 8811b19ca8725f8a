namespace CoalitionBot.Actions;

/// <summary>The kinds' names on the wire ("sign-on", "statement", "call-to-action", "event") and in messages.</summary>
internal static class ActionKinds
{
    private static readonly Dictionary<string, ActionKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sign-on"] = ActionKind.SignOn,
        ["statement"] = ActionKind.Statement,
        ["call-to-action"] = ActionKind.CallToAction,
        ["event"] = ActionKind.Event,
    };

    /// <summary>What a form starts with, and what an action without a kind is.</summary>
    public const string Default = "sign-on";

    /// <summary>The kinds as a form offers them.</summary>
    public static IReadOnlyList<(string Name, string Label)> Choices { get; } =
    [
        ("sign-on", "Sign-on letter"), ("statement", "Joint statement"), ("call-to-action", "Call to action"), ("event", "Event"),
    ];

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
