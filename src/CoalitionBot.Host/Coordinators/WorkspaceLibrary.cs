using System.Text;
using System.Text.RegularExpressions;
using CoalitionBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Host.Coordinators;

/// <summary>
/// Uploads into the first source folder and removals from the source folders, for the Library page. A file is
/// checked before it is kept (type by extension and by its first bytes, size, a safe name inside the folder) and
/// written under a temporary name first, so neither the watcher nor the index ever reads half a file; the index is
/// then brought up to date at once, as a saved coordinator answer is.
/// </summary>
public sealed partial class WorkspaceLibrary(DocumentReader reader, KnowledgeIndex index, IOptions<CoordinatorOptions> options)
{
    public const string FileField = "file";
    public const string CollectionField = "collection";

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "PDF", [".docx"] = "Word (DOCX)", [".html"] = "HTML", [".htm"] = "HTML", [".md"] = "Markdown", [".txt"] = "text",
    };

    public long MaxBytes => options.Value.MaxUploadBytes;

    public static string Accepted => string.Join(",", Kinds.Keys);

    public IReadOnlyList<LibraryDocument> Documents() => index.Documents();

    public IReadOnlyList<UnreadableFile> ReadErrors => reader.Unreadable;

    /// <summary>Keeps the upload and indexes it; the errors by field (nothing kept) otherwise.</summary>
    public async Task<(string? Saved, Dictionary<string, string> Errors)> UploadAsync(IFormFile? file, string? collection, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var extension = Path.GetExtension(file?.FileName ?? "");
        if (file is null || file.Length == 0)
        {
            errors[FileField] = "Choose a file to upload (PDF, Word, HTML or Markdown).";
        }
        else if (!Kinds.ContainsKey(extension))
        {
            errors[FileField] = $"“{Path.GetFileName(file.FileName)}” is not a document the library reads: upload a PDF, DOCX, HTML, Markdown or text file.";
        }
        else if (file.Length > MaxBytes)
        {
            errors[FileField] = $"The file is {Megabytes(file.Length)}; the limit is {Megabytes(MaxBytes)}.";
        }
        var folderName = collection?.Trim() ?? "";
        if (folderName.Length > 0 && (folderName.Length > 60 || !SafeSegment().IsMatch(folderName)))
        {
            errors[CollectionField] = "Name the collection with letters, digits, dashes or underscores (60 at most), or leave it empty.";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        await using var content = new MemoryStream();
        await file!.CopyToAsync(content, cancellationToken);
        if (ContentProblem(extension, content.GetBuffer().AsSpan(0, (int)content.Length)) is { } problem)
        {
            return (null, new() { [FileField] = problem });
        }
        var root = reader.SourceFolders()[0];
        var folder = folderName.Length > 0 ? Path.Combine(root, folderName) : root;
        var name = SafeName(Path.GetFileNameWithoutExtension(file.FileName)) + extension.ToLowerInvariant();
        var target = Path.GetFullPath(Path.Combine(folder, name));
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (null, new() { [FileField] = "That file name cannot be used; rename the file and try again." });
        }
        if (File.Exists(target))
        {
            return (null, new() { [FileField] = $"The library already has “{Path.GetRelativePath(root, target)}”. Remove it first to replace it, or rename the file." });
        }
        Directory.CreateDirectory(folder);
        var temporary = target + ".uploading";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, target);
        await Task.Run(() => index.Update(cancellationToken: cancellationToken), cancellationToken);
        return (Path.GetRelativePath(root, target).Replace('\\', '/'), errors);
    }

    /// <summary>Deletes the document's file from its source folder and re-indexes; false for an id that is no file there.</summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var file = reader.ListFiles().FirstOrDefault(f => f.Id == id);
        if (file.FullPath is null || !reader.SourceFolders().Any(f => file.FullPath.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal)) && !file.FullPath.StartsWith(reader.CuratedFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }
        File.Delete(file.FullPath);
        await Task.Run(() => index.Update(cancellationToken: cancellationToken), cancellationToken);
        return true;
    }

    /// <summary>The first bytes must agree with the extension: a renamed executable is not a PDF.</summary>
    private static string? ContentProblem(string extension, ReadOnlySpan<byte> bytes) => extension.ToLowerInvariant() switch
    {
        ".pdf" when !bytes.StartsWith("%PDF-"u8) => "This file is named .pdf but is not a PDF.",
        ".docx" when !bytes.StartsWith("PK\u0003\u0004"u8) => "This file is named .docx but is not a Word document.",
        ".html" or ".htm" or ".md" or ".txt" when !IsText(bytes) => "This file is not text (HTML, Markdown and text files must be UTF-8 text).",
        _ => null,
    };

    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return !bytes.Contains((byte)0);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A file name of letters, digits, dots, dashes and underscores: no path, no hidden file, no shell surprise.</summary>
    internal static string SafeName(string name)
    {
        var safe = Unsafe().Replace(name.Normalize(NormalizationForm.FormKC), "-").Trim('-', '.', '_');
        safe = safe.Length > 80 ? safe[..80] : safe;
        return safe.Length == 0 ? "document" : safe;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";

    [GeneratedRegex(@"[^\p{L}\p{N}._-]+")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"^[\p{L}\p{N}_-]+$")]
    private static partial Regex SafeSegment();
}
