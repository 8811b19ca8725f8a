namespace CoalitionBot.Knowledge;

/// <summary>
/// What a follow-up question is read against: the previous question, and the passages already
/// cited for it (not offered again). <see cref="Focus"/> is what the follow-up adds ("children" in
/// "what about children?"); null for "tell me more", which asks the previous question again for
/// the passages not yet shown.
/// </summary>
public sealed record FollowUpContext(string Previous, string? Focus, IReadOnlySet<string> AlreadyCited);
