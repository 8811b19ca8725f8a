namespace CoalitionBot.Knowledge;

/// <summary>One file of the library, read and decoded.</summary>
/// <param name="Id">The path relative to its source folder, with forward slashes: what citations name.</param>
/// <param name="Hash">SHA-256 of the file's bytes; an unchanged hash means no re-indexing.</param>
public sealed record SourceDocument(string Id, string FullPath, string Text, string Hash, DateTimeOffset LastUpdated);
