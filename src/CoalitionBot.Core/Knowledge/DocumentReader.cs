using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Finds the library's files and reads each with the extractor for its format; applies the
/// source folder's library.yaml. A file that cannot be read (corrupt, encrypted, scanned, too
/// large, not what its name says) is skipped with one warning naming it and the reason, and
/// read again only once it changes.
/// </summary>
public sealed partial class DocumentReader
{
    private readonly IOptions<KnowledgeOptions> _options;
    private readonly IOptions<CoalitionBot.Storage.StorageOptions> _storage;
    private readonly ILogger<DocumentReader> _logger;
    private readonly Dictionary<string, IDocumentExtractor> _extractors;
    private readonly ConcurrentDictionary<string, (string Stamp, string Reason)> _skipped = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _duplicates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTime Time, LibraryMetadata Metadata)> _metadata = new(StringComparer.Ordinal);

    public DocumentReader(IOptions<KnowledgeOptions> options, IOptions<CoalitionBot.Storage.StorageOptions> storage, ILogger<DocumentReader> logger, IEnumerable<IDocumentExtractor>? extractors = null)
    {
        _options = options;
        _storage = storage;
        _logger = logger;
        var all = extractors?.ToList() is { Count: > 0 } given ? given : DefaultExtractors();
        _extractors = all.SelectMany(e => e.Extensions.Select(x => (x, e))).GroupBy(p => p.x, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().e, StringComparer.OrdinalIgnoreCase);
    }

    internal static List<IDocumentExtractor> DefaultExtractors() => [new PlainTextExtractor(), new PdfExtractor(), new DocxExtractor(), new HtmlExtractor()];

    /// <summary>Answers coordinators saved from chat (<see cref="CuratedAnswers"/>): a library folder the bot writes, under the data folder.</summary>
    public string CuratedFolder => Path.GetFullPath(Path.Combine(_storage.Value.DataPath, CuratedAnswers.Folder));

    /// <summary>The file extensions the library reads.</summary>
    public IReadOnlyCollection<string> Extensions => _extractors.Keys;

    /// <summary>The source folders as full paths; throws with the folder's name when one is missing.</summary>
    public IReadOnlyList<string> SourceFolders()
    {
        var folders = _options.Value.EffectiveSourceFolders.Select(Path.GetFullPath).ToList();
        foreach (var folder in folders.Where(f => !Directory.Exists(f)))
        {
            throw new DirectoryNotFoundException(
                $"The source folder '{folder}' does not exist. Create it, or point Knowledge:SourceFolders at the folder that holds the documents.");
        }
        return folders;
    }

    /// <summary>Every document file, ordered, with the id it is cited by.</summary>
    public IReadOnlyList<(string Id, string FullPath)> ListFiles() => ListDocuments().Select(d => (d.Id, d.FullPath)).ToList();

    /// <summary>Every document file with its source folder, ordered.</summary>
    internal IReadOnlyList<LibraryFile> ListDocuments()
    {
        var files = new List<LibraryFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in SourceFolders().Append(CuratedFolder).Where(Directory.Exists).Distinct())
        {
            var found = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(f => _extractors.ContainsKey(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in found)
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var id = (folder == CuratedFolder ? CuratedAnswers.Folder + "/" : "") + relative;
                if (seen.Add(id))
                {
                    files.Add(new LibraryFile(id, file, folder, relative));
                }
                else if (_duplicates.TryAdd(file, 0))
                {
                    Log.DuplicateDocument(_logger, id, file);
                }
            }
        }
        return files;
    }

    /// <summary>What changes when the file (or its library.yaml entry) changes: compared before reading, so an unchanged file is not read at all.</summary>
    internal string Stamp(LibraryFile file)
    {
        var info = new FileInfo(file.FullPath);
        var metadata = Metadata(file.Folder).For(file.RelativePath);
        return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}:{metadata.Key}" : "";
    }

    /// <summary>Reads one file; null (with a warning) when it cannot be read.</summary>
    public SourceDocument? Read(string id, string fullPath)
    {
        var folder = SourceFolders().Append(CuratedFolder).FirstOrDefault(f => fullPath.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var file = folder is null
            ? new LibraryFile(id, fullPath, Path.GetDirectoryName(fullPath) ?? ".", Path.GetFileName(fullPath))
            : new LibraryFile(id, fullPath, folder, Path.GetRelativePath(folder, fullPath).Replace('\\', '/'));
        return Read(file);
    }

    /// <summary>
    /// The files of the source folders that could not be read, with why (as the warning said),
    /// for the CLI's summary and the coordinators' library page. A file deleted since leaves the list.
    /// </summary>
    public IReadOnlyList<UnreadableFile> Unreadable =>
        _skipped.Where(s => File.Exists(s.Key))
            .Select(s => new UnreadableFile(s.Key, s.Value.Reason))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    internal SourceDocument? Read(LibraryFile file)
    {
        var stamp = Stamp(file);
        if (_skipped.TryGetValue(file.FullPath, out var skippedAt) && skippedAt.Stamp == stamp)
        {
            // Warned about once already; tried again only when the file changes.
            return null;
        }
        var (document, problem) = TryRead(file, stamp);
        if (problem is not null)
        {
            _skipped[file.FullPath] = (stamp, problem);
            Log.Skipped(_logger, file.FullPath, problem);
            return null;
        }
        _skipped.TryRemove(file.FullPath, out _);
        return document;
    }

    private (SourceDocument? Document, string? Problem) TryRead(LibraryFile file, string stamp)
    {
        var max = _options.Value.MaxDocumentBytes;
        byte[] bytes;
        DateTimeOffset lastWrite;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (!info.Exists)
            {
                return (null, "it was deleted before it could be read");
            }
            if (info.Length > max)
            {
                return (null, $"it is {info.Length:N0} bytes, more than Knowledge:MaxDocumentBytes ({max:N0})");
            }
            lastWrite = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "it could not be opened: " + e.Message);
        }
        if (bytes.Length == 0)
        {
            return (null, "it is empty");
        }
        var extractor = _extractors[Path.GetExtension(file.FullPath)];
        ExtractedText extracted;
        try
        {
            extracted = extractor.Extract(bytes, Path.GetFileName(file.FullPath));
        }
        catch (UnreadableDocumentException e)
        {
            return (null, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Parsers throw what they like on a truncated or mislabelled file; one file must not stop the library.
            var format = Path.GetExtension(file.FullPath).TrimStart('.').ToUpperInvariant();
            return (null, $"it could not be read as {format}: truncated, damaged, or not really a {format} file ({e.GetType().Name}: {e.Message})");
        }
        if (string.IsNullOrWhiteSpace(extracted.Text))
        {
            return (null, "it has no text");
        }
        var metadata = Metadata(file.Folder).For(file.RelativePath);
        var hash = Hash(bytes, metadata);
        return (new SourceDocument(file.Id, file.FullPath, extracted.Text, hash, lastWrite)
        {
            Format = extracted.Format,
            Title = metadata.Title ?? extracted.Title,
            Url = metadata.Url ?? extracted.Url,
            Date = metadata.Date ?? extracted.Updated,
            Collection = metadata.Collection ?? CollectionOf(file),
            PageStarts = extracted.PageStarts,
            Stamp = stamp,
        }, null);
    }

    /// <summary>The file's top-level folder under its source folder, else "library".</summary>
    private static string CollectionOf(LibraryFile file)
    {
        var slash = file.RelativePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? file.RelativePath[..slash] : SourceDocument.DefaultCollection;
    }

    private static string Hash(byte[] bytes, DocumentMetadata metadata)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return metadata == DocumentMetadata.None
            ? hash
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{hash}\n{metadata.Key}")));
    }

    /// <summary>
    /// The folder's library.yaml, read again when it changes. Start-up has checked it
    /// (<see cref="KnowledgeOptionsValidator"/>); a file broken while the server runs is reported and the last good one kept.
    /// </summary>
    internal LibraryMetadata Metadata(string folder)
    {
        var path = Path.Combine(folder, LibraryMetadata.FileName);
        var time = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        if (_metadata.TryGetValue(folder, out var cached) && cached.Time == time)
        {
            return cached.Metadata;
        }
        LibraryMetadata metadata;
        try
        {
            metadata = time == DateTime.MinValue ? LibraryMetadata.Empty : LibraryMetadata.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Log.MetadataInvalid(_logger, path, e.Message);
            metadata = cached.Metadata ?? LibraryMetadata.Empty;
        }
        _metadata[folder] = (time, metadata);
        return metadata;
    }

    internal static string? Decode(ReadOnlySpan<byte> bytes) => PlainTextExtractor.Decode(bytes);

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Skipped {File}: {Reason}")]
        public static partial void Skipped(ILogger logger, string file, string reason);

        [LoggerMessage(LogLevel.Warning, "Skipped {File}: another source folder already has a document named {DocumentId}")]
        public static partial void DuplicateDocument(ILogger logger, string documentId, string file);

        [LoggerMessage(LogLevel.Error, "Kept the previous library metadata: {File} is not valid: {Reason}")]
        public static partial void MetadataInvalid(ILogger logger, string file, string reason);
    }
}

/// <summary>One file of a source folder: its id, where it is, and its path relative to the folder (what library.yaml globs match).</summary>
internal sealed record LibraryFile(string Id, string FullPath, string Folder, string RelativePath);

/// <summary>A file of the library that was skipped, and why ("no text layer: scanned PDF?").</summary>
public sealed record UnreadableFile(string Path, string Reason);
