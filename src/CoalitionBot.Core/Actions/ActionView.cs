using System.Text.Json.Serialization;

namespace CoalitionBot.Actions;

/// <summary>An action as coordinators see it (GET /api/actions/{id}).</summary>
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DeliveryView>? Deliveries);

/// <summary>Organisations that signed or declined, and members who asked to be reminded later.</summary>
public sealed record ActionTally(int Signed, int Declined, int Later);

public sealed record OrganisationAnswer(string Organisation, string Answer, IReadOnlyList<string> Members);

public sealed record AudienceView(string Platform, string Conversation, bool Dm);

/// <summary>One message the action sends or sent: a broadcast, a reminder, the summary; failed ones say why.</summary>
public sealed record DeliveryView(string Kind, string Platform, string Target, DateTimeOffset DueAt, string State, DateTimeOffset? SentAt, string? Error);
