using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Host.Coordinators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoalitionBot.Host.Pages.Coordinators.Actions;

/// <summary>
/// A new action: the fields of Core's <see cref="ActionDraft"/>, checked by it field by field (the same words as in
/// Slack and Teams), the audience from the conversations the bot knows on both platforms, a preview, then
/// <see cref="ActionService.CreateAsync"/>. Nothing is stored until every field is right.
/// </summary>
// A pasted 10 MB title must reach the check (and get its message), not fail in the form reader.
[RequestFormLimits(ValueLengthLimit = 16 * 1024 * 1024)]
[RequestSizeLimit(32 * 1024 * 1024)]
public sealed class NewActionModel(ActionService actions, KnownConversations known, TimeProvider time) : PageModel
{
    public IReadOnlyList<KnownConversation> Known { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public string? Problem { get; private set; }

    public (string Slack, string Teams)? Preview { get; private set; }

    [BindProperty] public string? Kind { get; set; } = ActionKinds.Default;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Link { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public string? Reminders { get; set; } = ActionForms.DefaultReminders;
    [BindProperty] public List<string> Audience { get; set; } = [];
    [BindProperty] public string? OtherSlack { get; set; }
    [BindProperty] public string? OtherTeams { get; set; }
    [BindProperty] public bool Dm { get; set; }

    public static IReadOnlyList<(string Name, string Label)> Kinds => ActionKinds.Choices;

    public static IEnumerable<string> Zones => TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(z => z.Contains('/') || z == "UTC").Order(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Known = await known.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        Known = await known.AllAsync(cancellationToken);
        if (Check() is var (check, _) && check.IsValid)
        {
            Preview = MessagePreview.Of(Draft(check));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        Known = await known.AllAsync(cancellationToken);
        var (check, audience) = Check();
        if (!check.IsValid || Errors.Count > 0)
        {
            return Page();
        }
        var request = DraftOf().ToNewAction(check, audience, new NewCoordinator(null, null)) with { Coordinator = null };
        var (created, problem) = await actions.CreateAsync(request, $"web:{User.Identity!.Name}", cancellationToken);
        if (problem is not null)
        {
            // The one check Core makes against the platforms: whether the bot is in each conversation.
            Errors[ActionForms.Audience] = problem.Error;
            return Page();
        }
        return Redirect($"/coordinators/actions/{created!.Id}?created=1");
    }

    /// <summary>Core's check of the draft, plus the audience: errors land in <see cref="Errors"/> by field.</summary>
    private (DraftCheck Check, List<NewAudience> Audience) Check()
    {
        var check = DraftOf().Check(time.GetUtcNow());
        foreach (var (field, error) in check.Errors)
        {
            Errors[field] = error;
        }
        var audience = Audiences();
        if (audience.Count == 0)
        {
            Errors[ActionForms.Audience] = ActionForms.MissingAudience;
        }
        return (check, audience);
    }

    private ActionDraft DraftOf() => new(Kind, Title, Summary, Link, Deadline, Reminders, TimeZone);

    private List<NewAudience> Audiences()
    {
        var chosen = Audience.Select(v => v.Split('|', 2)).Where(p => p.Length == 2).Select(p => (Platform: p[0], Id: p[1])).ToList();
        if (!string.IsNullOrWhiteSpace(OtherSlack))
        {
            chosen.Add((Platforms.Slack, OtherSlack.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(OtherTeams))
        {
            chosen.Add((Platforms.Teams, OtherTeams.Trim()));
        }
        return chosen.Distinct()
            .Select(c => c.Platform == Platforms.Slack ? new NewAudience(c.Platform, c.Id, null, Dm) : new NewAudience(c.Platform, null, c.Id, Dm))
            .ToList();
    }

    /// <summary>The action as it would be stored, for the preview only.</summary>
    private AdvocacyAction Draft(DraftCheck check)
    {
        ActionKinds.TryParse(Kind, out var kind);
        return new AdvocacyAction
        {
            Id = "act_preview",
            Kind = kind,
            Title = Title!.Trim(),
            Summary = Summary?.Trim() ?? "",
            Link = string.IsNullOrWhiteSpace(Link) ? null : Link.Trim(),
            Deadline = check.Deadline!.Value,
            TimeZone = DeadlineReader.Zone(TimeZone).Id,
            ReminderOffsets = string.Join(',', check.Offsets!),
            CreatedBy = "preview",
        };
    }

    /// <summary>A value shown back in the form: a pasted 10 MB title is not sent back whole.</summary>
    public static string? Shown(string? value, int max) => value is { Length: > 0 } v && v.Length > max * 2 ? v[..(max * 2)] : value;
}
