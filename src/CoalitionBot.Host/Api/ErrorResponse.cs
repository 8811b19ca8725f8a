namespace CoalitionBot.Host.Api;

/// <summary>Every error the HTTP API returns: <c>{ "error": "…" }</c>, a sentence a person can act on.</summary>
public sealed record ErrorResponse(string Error);
