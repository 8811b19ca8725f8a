using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>Finds and decodes the library's files; skips, with a warning naming it, anything that is not UTF-8 text.</summary>
public sealed partial class DocumentReader(IOptions<KnowledgeOptions> options, IOptions<CoalitionBot.Storage.StorageOptions> storage, ILogger<DocumentReader> logger)
{
    /// <summary>Answers coordinators saved from chat (<see cref="CuratedAnswers"/>): a library folder the bot writes, under the data folder.</summary>
    public string CuratedFolder => Path.GetFullPath(Path.Combine(storage.Value.DataPath, CuratedAnswers.Folder));

    private static readonly string[] Extensions = [".txt", ".md"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The source folders as full paths; throws with the folder's name when one is missing.</summary>
    public IReadOnlyList<string> SourceFolders()
    {
        var folders = options.Value.EffectiveSourceFolders.Select(Path.GetFullPath).ToList();
        foreach (var folder in folders.Where(f => !Directory.Exists(f)))
        {
            throw new DirectoryNotFoundException(
                $"The source folder '{folder}' does not exist. Create it, or point Knowledge:SourceFolders at the folder that holds the documents.");
        }
        return folders;
    }

    /// <summary>Every document file, ordered, with the id it is cited by.</summary>
    public IReadOnlyList<(string Id, string FullPath)> ListFiles()
    {
        var files = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in SourceFolders().Append(CuratedFolder).Where(Directory.Exists).Distinct())
        {
            var found = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in found)
            {
                var id = (folder == CuratedFolder ? CuratedAnswers.Folder + "/" : "") + Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (seen.Add(id))
                {
                    files.Add((id, file));
                }
                else
                {
                    Log.DuplicateDocument(logger, id, file);
                }
            }
        }
        return files;
    }

    /// <summary>Reads one file; null (with a warning) when it is binary or not UTF-8.</summary>
    public SourceDocument? Read(string id, string fullPath)
    {
        var bytes = File.ReadAllBytes(fullPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var lastUpdated = new DateTimeOffset(File.GetLastWriteTimeUtc(fullPath), TimeSpan.Zero);
        var text = Decode(bytes);
        if (text is null)
        {
            Log.SkippedNotText(logger, fullPath);
            return null;
        }
        return new SourceDocument(id, fullPath, text, hash, lastUpdated);
    }

    /// <summary>UTF-8 (with or without BOM) only: a NUL byte or an invalid sequence means "not a text document".</summary>
    internal static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        if (bytes.Contains((byte)0))
        {
            return null;
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Skipped {File}: it is not a UTF-8 text file")]
        public static partial void SkippedNotText(ILogger logger, string file);

        [LoggerMessage(LogLevel.Warning, "Skipped {File}: another source folder already has a document named {DocumentId}")]
        public static partial void DuplicateDocument(ILogger logger, string documentId, string file);
    }
}
