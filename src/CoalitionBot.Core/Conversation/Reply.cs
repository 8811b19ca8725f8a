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

    /// <summary>A form to fill in (<see cref="Reply.Form"/>).</summary>
    Form,
}

/// <summary>A button on a reply; <see cref="Action"/> is one of <see cref="ReplyActions"/>.</summary>
public sealed record ReplyButton(string Label, string Action, string Value);

/// <summary>What the bot says, platform-neutral; renderers turn it into Block Kit, an Adaptive Card, HTML or text.</summary>
/// <param name="AnswerId">The stored answer this reply shows, which feedback buttons refer to.</param>
/// <param name="Note">A line under the reply, such as the thanks for feedback.</param>
/// <param name="Deadline">A deadline the platform shows in each reader's own time zone (Slack date tokens, Adaptive Card DATE/TIME).</param>
/// <param name="Form">
/// A form to fill in, shown in place of the reply where the surface can (a card, an HTML form, a modal when Slack gave a
/// trigger); elsewhere <see cref="Text"/> and <see cref="Buttons"/> stand in for it.
/// </param>
/// <param name="Placement">Where the reply goes, relative to the message or button it answers.</param>
public sealed record Reply(
    ReplyKind Kind,
    string Text,
    Answer? Answer,
    IReadOnlyList<ReplyButton> Buttons,
    Guid? AnswerId = null,
    string? Note = null,
    DateTimeOffset? Deadline = null,
    Form? Form = null,
    ReplyPlacement Placement = ReplyPlacement.InConversation)
{
    /// <summary>A short message with no buttons: a confirmation, a refusal, a list.</summary>
    public static Reply Say(string text, ReplyPlacement placement = ReplyPlacement.InConversation, DateTimeOffset? deadline = null) =>
        new(ReplyKind.Announcement, text, null, [], Deadline: deadline, Placement: placement);

    /// <summary>Something the person asked for cannot be done as it is; nothing changed.</summary>
    public static Reply Problem(string text, ReplyPlacement placement = ReplyPlacement.InConversation) =>
        new(ReplyKind.Problem, text, null, [], Placement: placement);

    /// <summary>A form to fill in; <paramref name="text"/> is what a surface that cannot show forms says instead.</summary>
    public static Reply Ask(Form form, string text, ReplyPlacement placement = ReplyPlacement.Private) =>
        new(ReplyKind.Form, text, null, [], Form: form, Placement: placement);
}

public enum ReplyPlacement
{
    /// <summary>In the conversation (and thread) of the message or button it answers.</summary>
    InConversation,

    /// <summary>Instead of the message whose button was clicked (feedback thanks, a saved answer).</summary>
    ReplaceClicked,

    /// <summary>
    /// For the person alone: ephemeral on Slack, their 1:1 chat with the bot on Teams (which has no ephemeral
    /// messages), as usual in the web chat and the terminal, which have one person each.
    /// </summary>
    Private,

    /// <summary>
    /// For the person alone, and to keep: their direct messages with the bot (a created action's id and what comes
    /// next), where Slack's ephemeral messages would vanish; otherwise as <see cref="Private"/>.
    /// </summary>
    Direct,
}

/// <summary>The actions buttons carry, the same on every platform.</summary>
public static class ReplyActions
{
    /// <summary>Ask the button's value as a question (suggestions).</summary>
    public const string Ask = "ask_question";

    /// <summary>Say the button's value as if typed (a command such as "action new", from a surface that needs a click to open a form).</summary>
    public const string Say = "say";

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
