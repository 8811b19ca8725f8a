using CoalitionBot.Actions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoalitionBot.Host.Pages.Coordinators.Actions;

/// <summary>Every action with its state, deadline and tally.</summary>
public sealed class ActionsModel(ActionService actions) : PageModel
{
    public IReadOnlyList<ActionView> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Actions = await actions.ListAsync(cancellationToken);
}
