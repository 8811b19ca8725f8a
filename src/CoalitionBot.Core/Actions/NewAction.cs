namespace CoalitionBot.Actions;

/// <summary>What a coordinator asks for (the body of POST /api/actions, architecture.md); <see cref="SendAt"/> null sends it now.</summary>
public sealed record NewAction(
    string? Kind,
    string? Title,
    string? Summary,
    string? Link,
    DateTimeOffset? Deadline,
    string? TimeZone,
    IReadOnlyList<NewAudience>? Audience,
    IReadOnlyList<string>? ReminderOffsets,
    NewCoordinator? Coordinator = null,
    DateTimeOffset? SendAt = null);

/// <summary>A Slack <see cref="Channel"/> or a Teams <see cref="Conversation"/>.</summary>
public sealed record NewAudience(string? Platform, string? Channel, string? Conversation, bool Dm = false);

/// <summary>Who gets the summary and the signatory list when the action closes.</summary>
public sealed record NewCoordinator(string? Platform, string? User);

/// <summary>Why a request could not be carried out, and the HTTP status that says so (400, 404, 409).</summary>
public sealed record ActionProblem(int Status, string Error);

/// <summary>The body of PATCH /api/actions/{id}: the fields to change; those left out stay as they are.</summary>
public sealed record ActionEdit(string? Title = null, string? Summary = null, string? Link = null, DateTimeOffset? Deadline = null, string? TimeZone = null);
