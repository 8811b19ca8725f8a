using System.Text.Json.Serialization;

namespace CoalitionBot.Actions;

/// <summary>
/// An action as coordinators see it (GET /api/actions/{id}). <see cref="Status"/> stays "open" or "closed" (a cancelled
/// action is closed) for clients that read only that; <see cref="State"/> is the lifecycle (<see cref="ActionStates"/>).
/// </summary>
public sealed record ActionView(
    string Id,
    string Kind,
    string Title,
    string Summary,
    string? Link,
    DateTimeOffset Deadline,
    string TimeZone,
    string Status,
    ActionTally Tally,
    IReadOnlyList<OrganisationAnswer> Organisations,
    IReadOnlyList<AudienceView> Audience,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DeliveryView>? Deliveries)
{
    /// <summary>scheduled, open, closing, closed or cancelled.</summary>
    public string State { get; init; } = "";

    /// <summary>When the broadcast goes (or went) out; null for "now" at creation.</summary>
    public DateTimeOffset? SendAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>ISO 8601 durations before the deadline.</summary>
    public IReadOnlyList<string> ReminderOffsets { get; init; } = [];

    /// <summary>Directory organisations that have neither signed nor declined, with whom to call.</summary>
    public IReadOnlyList<PendingOrganisation> NotAnswered { get; init; } = [];
}

/// <summary>
/// Organisations that signed or declined, and members who asked to be reminded later; <see cref="Pending"/> counts the
/// directory's organisations that have not answered yet.
/// </summary>
public sealed record ActionTally(int Signed, int Declined, int Later, int Pending = 0);

/// <summary>An organisation's answer; <see cref="OrganisationId"/> and <see cref="Country"/> when it is in the directory.</summary>
public sealed record OrganisationAnswer(string Organisation, string Answer, IReadOnlyList<string> Members)
{
    public string? OrganisationId { get; init; }
    public string? Country { get; init; }

    /// <summary>Who answered for it: the signers (with title) and those who declined.</summary>
    public IReadOnlyList<SignerView> Signers { get; init; } = [];
}

public sealed record SignerView(string Platform, string UserId, string Answer, string? Name, string? Title, string? TypedOrganisation, DateTimeOffset AnsweredAt);

/// <summary>A directory organisation that has not answered, with its focal points.</summary>
public sealed record PendingOrganisation(string Id, string Name, string? Country, IReadOnlyList<Organisations.FocalPointView> FocalPoints);

public sealed record AudienceView(string Platform, string Conversation, bool Dm);

/// <summary>
/// One message the action sends or sent, per recipient: a broadcast, a reminder, the summary; failed ones say why.
/// <see cref="Id"/> is what POST /api/actions/{id}/deliveries/{deliveryId}/retry takes.
/// </summary>
public sealed record DeliveryView(string Kind, string Platform, string Target, DateTimeOffset DueAt, string State, DateTimeOffset? SentAt, string? Error)
{
    public long Id { get; init; }
    public int Attempts { get; init; }
    public string? UserId { get; init; }
    public string? ConversationId { get; init; }
}
