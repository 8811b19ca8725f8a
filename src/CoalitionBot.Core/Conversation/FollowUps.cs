using System.Text.RegularExpressions;

namespace CoalitionBot.Conversation;

public enum FollowUpKind { None, More, Focus }

/// <summary>
/// Recognises a message that leans on the previous turn: "tell me more" (more of the same) and
/// "what about children?" / "and in Europe?" (a new focus in the same context). Anything else is a
/// question of its own: guessing a link where there is none would answer the wrong question.
/// </summary>
public static partial class FollowUps
{
    public static (FollowUpKind Kind, string? Focus) Read(string text)
    {
        text = text.Trim();
        if (More().IsMatch(text))
        {
            return (FollowUpKind.More, null);
        }
        var focus = Focus().Match(text);
        return focus.Success && focus.Groups["focus"].Value.Trim() is { Length: > 0 } what
            ? (FollowUpKind.Focus, what)
            : (FollowUpKind.None, null);
    }

    /// <summary>
    /// Whether a message in a thread the bot follows is for the bot: a follow-up, or something asked
    /// ("…?", "how do we…", "explain…"). Members talking among themselves ("thanks!", "see you at 3")
    /// are left alone.
    /// </summary>
    public static bool IsQuestionLike(string text)
    {
        text = text.Trim();
        return Read(text).Kind != FollowUpKind.None || text.EndsWith('?') || Asking().IsMatch(text);
    }

    [GeneratedRegex(@"^(?:what|how|why|who|whom|whose|where|when|which|can|could|should|would|is|are|do|does|did|tell\s+me|explain|describe|list|define)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Asking();

    [GeneratedRegex(@"^(?:(?:please\s+)?(?:tell|show)\s+me\s+more|more(?:\s+please)?|go\s+on|what\s+else|anything\s+else|say\s+more|more\s+details?|more\s+info(?:rmation)?|continue|keep\s+going)(?:\s+(?:about|on)\s+(?:it|that|this|them))?\s*[.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex More();

    [GeneratedRegex(@"^(?:(?:and|but|also|ok|okay|so)[,\s]+)?(?:(?:what|how)\s+about|what\s+of|and\s+(?:for|in|on|with|about|regarding)?)\s*(?<focus>.+?)\s*[.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Focus();
}
