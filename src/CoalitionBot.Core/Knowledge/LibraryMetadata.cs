using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoalitionBot.Knowledge;

/// <summary>
/// The optional library.yaml of a source folder: titles, URLs, dates and collections for its
/// documents, by file name or glob ("toolkits/*.pdf"), without code. The first entry that
/// matches a file wins for each field it sets; later entries fill in what earlier ones left out.
/// </summary>
/// <example>
/// documents:
///   - file: position-paper-2025.pdf
///     title: Position paper on safe pathways
///     url: https://coalition.example.org/papers/safe-pathways.pdf
///     date: 2025-03-01
///     collection: eu-advocacy
///   - file: "minutes/*.docx"
///     collection: minutes
/// </example>
public sealed partial class LibraryMetadata
{
    public const string FileName = "library.yaml";

    public static LibraryMetadata Empty { get; } = new([], "");

    private readonly IReadOnlyList<(Regex Pattern, DocumentMetadata Metadata)> _entries;

    private LibraryMetadata(IReadOnlyList<(Regex, DocumentMetadata)> entries, string source)
    {
        _entries = entries;
        Source = source;
    }

    /// <summary>The file it was read from, or empty.</summary>
    public string Source { get; }

    /// <summary>What the file says about the document at <paramref name="relativePath"/> (forward slashes).</summary>
    public DocumentMetadata For(string relativePath)
    {
        var found = DocumentMetadata.None;
        foreach (var (pattern, metadata) in _entries)
        {
            if (pattern.IsMatch(relativePath))
            {
                found = new DocumentMetadata(found.Title ?? metadata.Title, found.Url ?? metadata.Url, found.Date ?? metadata.Date, found.Collection ?? metadata.Collection);
            }
        }
        return found;
    }

    /// <summary>The library.yaml of <paramref name="folder"/>, or <see cref="Empty"/> when there is none; a malformed one throws with the file and line.</summary>
    public static LibraryMetadata LoadFrom(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Load(path) : Empty;
    }

    public static LibraryMetadata Load(string path)
    {
        LibraryFile? file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<LibraryFile?>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new InvalidDataException($"{path}({e.Start.Line},{e.Start.Column}): the library metadata is not valid: {reason}", e);
        }
        var entries = new List<(Regex, DocumentMetadata)>();
        foreach (var (entry, index) in (file?.Documents ?? []).Select((d, i) => (d, i)))
        {
            if (string.IsNullOrWhiteSpace(entry.File))
            {
                throw new InvalidDataException($"{path}: entry {index + 1} of 'documents' has no 'file' (a file name or a glob such as \"papers/*.pdf\").");
            }
            DateTimeOffset? date = null;
            if (!string.IsNullOrWhiteSpace(entry.Date))
            {
                date = DateTimeOffset.TryParse(entry.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed.ToUniversalTime()
                    : throw new InvalidDataException($"{path}: entry {index + 1} ('{entry.File}') has a date that is not a date: '{entry.Date}' (write 2025-03-01).");
            }
            if (entry.Url is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new InvalidDataException($"{path}: entry {index + 1} ('{entry.File}') has a url that is not an absolute address: '{url}'.");
            }
            entries.Add((Glob(entry.File.Trim()), new DocumentMetadata(Blank(entry.Title), Blank(entry.Url), date, Blank(entry.Collection))));
        }
        return new LibraryMetadata(entries, path);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>"*" matches within a folder, "**" across folders, "?" one character; a pattern without "/" matches the file name in any folder.</summary>
    internal static Regex Glob(string pattern)
    {
        var regex = Regex.Escape(pattern.Replace('\\', '/'))
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        var anchored = pattern.Contains('/') ? "^" + regex + "$" : "(^|/)" + regex + "$";
        return new Regex(anchored, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    internal sealed class LibraryFile
    {
        public List<DocumentEntry>? Documents { get; set; }
    }

    internal sealed class DocumentEntry
    {
        public string? File { get; set; }
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Date { get; set; }
        public string? Collection { get; set; }
    }
}

/// <summary>What library.yaml says about one document; null where it says nothing.</summary>
public sealed record DocumentMetadata(string? Title, string? Url, DateTimeOffset? Date, string? Collection)
{
    public static DocumentMetadata None { get; } = new(null, null, null, null);

    /// <summary>A text that is the same in every process for the same metadata (unlike GetHashCode): part of a file's change stamp.</summary>
    internal string Key => this == None
        ? "-"
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{Title}\u001f{Url}\u001f{Date?.UtcTicks}\u001f{Collection}")))[..16];
}
