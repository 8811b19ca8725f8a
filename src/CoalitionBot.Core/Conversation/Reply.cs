using CoalitionBot.Knowledge;

namespace CoalitionBot.Conversation;

public enum ReplyKind
{
    /// <summary>An answer with citations.</summary>
    Answer,

    /// <summary>The library does not cover the question; suggestions follow as buttons.</summary>
    NotFound,

    Help,

    /// <summary>The message cannot be answered as it is (empty, too long, a button that names nothing).</summary>
    Problem,

    /// <summary>Answering failed on our side; a "try again" button follows.</summary>
    Apology,

    /// <summary>A joint action, its reminder or its summary, sent proactively.</summary>
    Announcement,

    /// <summary>A step of an onboarding track, or a word about the tour (welcome, paused, finished).</summary>
    Onboarding,
}

/// <summary>A button on a reply; <see cref="Action"/> is one of <see cref="ReplyActions"/>.</summary>
public sealed record ReplyButton(string Label, string Action, string Value);

/// <summary>What the bot says, platform-neutral; renderers turn it into Block Kit, an Adaptive Card, HTML or text.</summary>
/// <param name="AnswerId">The stored answer this reply shows, which feedback buttons refer to.</param>
/// <param name="Note">A line under the reply, such as the thanks for feedback.</param>
/// <param name="Deadline">A deadline the platform shows in each reader's own time zone (Slack date tokens, Adaptive Card DATE/TIME).</param>
public sealed record Reply(ReplyKind Kind, string Text, Answer? Answer, IReadOnlyList<ReplyButton> Buttons, Guid? AnswerId = null, string? Note = null, DateTimeOffset? Deadline = null);

/// <summary>The actions buttons carry, the same on every platform.</summary>
public static class ReplyActions
{
    /// <summary>Ask the button's value as a question (suggestions).</summary>
    public const string Ask = "ask_question";

    /// <summary>Ask the button's value again after a failure.</summary>
    public const string Retry = "retry_question";

    public const string Helpful = "answer_helpful";

    public const string NotHelpful = "answer_unhelpful";

    /// <summary>Sign on for my organisation (value: the action id).</summary>
    public const string SignOn = "action_sign";

    public const string Decline = "action_decline";

    public const string RemindLater = "action_later";

    /// <summary>Start (or resume) an onboarding track (value: the track id).</summary>
    public const string OnboardStart = "onboard_start";

    /// <summary>Onboarding step buttons (value: "track|step|version").</summary>
    public const string OnboardNext = "onboard_next";

    public const string OnboardBack = "onboard_back";

    public const string OnboardAbout = "onboard_about";

    public const string OnboardCheck = "onboard_check";

    public const string OnboardStop = "onboard_stop";

    /// <summary>Pass the question of an answer to the coordinators (value: the answer id).</summary>
    public const string AskCoordinator = "ask_coordinator";

    /// <summary>Save a coordinator's answer in the library (value: the coordinator question's id).</summary>
    public const string SaveAnswer = "save_answer";

    /// <summary>All the onboarding buttons, for routing.</summary>
    public static bool IsOnboarding(string action) => action.StartsWith("onboard_", StringComparison.Ordinal);
}
