using CoalitionBot.Actions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoalitionBot.Host.Pages.Coordinators.Actions;

/// <summary>One action: its tally, who signed (and for whom), declined, not yet answered, every delivery and its failure; CSV, paste block, close.</summary>
public sealed class ActionDetailModel(ActionService actions, ActionAnswersReport report) : PageModel
{
    public ActionView Action { get; private set; } = null!;

    public ActionAnswers Answers { get; private set; } = null!;

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool created, bool closed, CancellationToken cancellationToken)
    {
        Notice = created ? "Created: the messages are on their way. This page shows each delivery as it goes." : closed ? "Closed: the summary goes to the coordinator now." : null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(string id, CancellationToken cancellationToken)
    {
        var (_, problem) = await actions.CloseAsync(id, cancellationToken);
        if (problem is { Status: 404 })
        {
            return NotFound();
        }
        if (problem is not null)
        {
            Problem = problem.Error;
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        return Redirect($"/coordinators/actions/{id}?closed=1");
    }

    public async Task<IActionResult> OnGetCsvAsync(string id, CancellationToken cancellationToken) =>
        await actions.SignatoriesCsvAsync(id, cancellationToken) is { } csv
            ? File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{id}-signatories.csv")
            : NotFound();

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await actions.GetAsync(id, cancellationToken) is not { } action || await report.ForAsync(id, cancellationToken) is not { } answers)
        {
            return false;
        }
        (Action, Answers) = (action, answers);
        return true;
    }
}
