using CoalitionBot.Host.Coordinators;
using CoalitionBot.Knowledge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoalitionBot.Host.Pages.Coordinators;

/// <summary>The library's documents, the files that could not be read, an upload form and a remove button per document.</summary>
[RequestSizeLimit(1024L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 1024L * 1024 * 1024)]
public sealed class LibraryModel(WorkspaceLibrary library) : PageModel
{
    public IReadOnlyList<LibraryDocument> Documents { get; private set; } = [];

    public IReadOnlyList<CoalitionBot.Knowledge.UnreadableFile> ReadErrors { get; private set; } = [];

    public Dictionary<string, string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public long MaxBytes => library.MaxBytes;

    public void OnGet(string? saved, string? removed)
    {
        Notice = saved is not null ? $"Added “{saved}” to the library: members can ask about it now."
            : removed is not null ? $"Removed “{removed}” from the library." : null;
        Load();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? collection, CancellationToken cancellationToken)
    {
        var (saved, errors) = await library.UploadAsync(file, collection, cancellationToken);
        if (saved is null)
        {
            Errors = errors;
            Load();
            return Page();
        }
        return Redirect($"/coordinators/library?saved={Uri.EscapeDataString(saved)}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken cancellationToken) =>
        await library.RemoveAsync(id, cancellationToken) ? Redirect($"/coordinators/library?removed={Uri.EscapeDataString(id)}") : NotFound();

    private void Load()
    {
        Documents = library.Documents();
        ReadErrors = library.ReadErrors;
    }
}
