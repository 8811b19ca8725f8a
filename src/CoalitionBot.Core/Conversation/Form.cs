namespace CoalitionBot.Conversation;

public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    LongText,

    /// <summary>A web address.</summary>
    Url,

    /// <summary>One of <see cref="FormField.Choices"/>.</summary>
    Choice,

    /// <summary>Yes or no; the value is "true" or "false".</summary>
    Toggle,

    /// <summary>
    /// Where to post, as the platform names its conversations (comma-separated ids): a picker on Slack; on Teams and
    /// the web the conversation the form was filled in, shown as a line of text and handed back as it was given.
    /// </summary>
    Conversations,
}

/// <summary>A choice of a <see cref="FieldKind.Choice"/> field.</summary>
public sealed record FormChoice(string Value, string Label);

/// <summary>One input of a <see cref="Form"/>; <see cref="Name"/> is what its value comes back under.</summary>
public sealed record FormField(string Name, string Label, FieldKind Kind = FieldKind.Text)
{
    public string? Value { get; init; }

    public bool Optional { get; init; }

    public int? MaxLength { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>A line under the field, such as the zone a deadline is read in.</summary>
    public string? Hint { get; init; }

    public IReadOnlyList<FormChoice> Choices { get; init; } = [];

    /// <summary>What was wrong with the value last submitted, shown beside the field.</summary>
    public string? Error { get; init; }
}

/// <summary>
/// A form the bot asks a person to fill in (sign on for my organisation, a new joint action, its confirmation),
/// platform-neutral like <see cref="Reply"/>: a Block Kit modal on Slack, an Adaptive Card on Teams, an HTML form on
/// the web, questions one by one in the terminal. Its fields, limits and error texts are Core's; an adapter renders
/// it and hands the values back as a <see cref="FormSubmit"/> with the same <see cref="Id"/> and <see cref="State"/>.
/// </summary>
/// <param name="Id">What the submit is (see <see cref="FormIds"/>).</param>
public sealed record Form(string Id, string Title, string SubmitLabel, IReadOnlyList<FormField> Fields)
{
    /// <summary>
    /// Slack carries a modal's state in private_metadata, at most 3,000 characters, with the channel the form came
    /// from beside it; every surface keeps to that.
    /// </summary>
    public const int MaxState = 2_950;

    /// <summary>Text above the fields (a confirmation shows what was read here).</summary>
    public string? Intro { get; init; }

    /// <summary>A line under the fields.</summary>
    public string? Note { get; init; }

    /// <summary>Opaque to adapters: handed back unchanged with the submit (which action, the draft being confirmed).</summary>
    public string? State { get; init; }

    /// <summary>A second button that goes back a step (its submit has <see cref="FormSubmit.Back"/>); null for none.</summary>
    public string? BackLabel { get; init; }

    public bool HasErrors => Fields.Any(f => f.Error is not null);

    /// <summary>The same form with the values a person typed, to show it again.</summary>
    public Form With(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string>? errors = null) => this with
    {
        Fields = Fields.Select(f => f with
        {
            Value = values.TryGetValue(f.Name, out var value) && value is not null ? value : f.Value,
            Error = errors is not null && errors.TryGetValue(f.Name, out var error) ? error : null,
        }).ToList(),
    };
}

/// <summary>The forms' ids, the same on every platform (Slack callback_id, Teams submit data, the web's form id).</summary>
public static class FormIds
{
    public const string SignOn = "action_sign";
    public const string NewAction = "action_new";
    public const string ConfirmAction = "action_confirm";
}
