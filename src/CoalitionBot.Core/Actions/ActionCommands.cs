using Microsoft.Extensions.Options;

namespace CoalitionBot.Actions;

public enum ActionCommandKind { List, Status, Close, New }

/// <summary>A joint-action command as typed on any platform: <c>actions</c>, <c>action status|close &lt;id&gt;</c>, <c>action new</c>.</summary>
public sealed record ActionCommand(ActionCommandKind Kind, string? Id = null)
{
    public static ActionCommand? Parse(string? text)
    {
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Select(w => w.ToLowerInvariant()).ToArray() switch
        {
            ["actions"] or ["action", "list"] => new(ActionCommandKind.List),
            ["action", "new"] or ["action", "create"] => new(ActionCommandKind.New),
            ["action", "status", _] => new(ActionCommandKind.Status, words[2]),
            ["action", "close", _] => new(ActionCommandKind.Close, words[2]),
            // Only these exact forms: on Teams every message is read here first, and "action plan for …?" is a question.
            ["action"] => new(ActionCommandKind.List),
            _ => null,
        };
    }
}

/// <summary>
/// What the joint-action commands answer, the same words on Slack and Teams: the open actions with
/// tallies, one action's status, closing one (coordinators only).
/// </summary>
public sealed class ActionCommands(ActionService actions, IOptions<ActionsOptions> options)
{
    public const string NotCoordinator =
        "Only the coalition's coordinators can create or close joint actions. If you should be one, ask whoever runs CoalitionBot to add you.";

    public bool IsCoordinator(string platform, string userId) => options.Value.Coordinators.Includes(platform, userId);

    public async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var open = (await actions.ListAsync(cancellationToken)).Where(a => a.Status == "open").OrderBy(a => a.Deadline).ToList();
        return open.Count == 0
            ? "There are no open joint actions right now."
            : "Open joint actions:\n" + string.Join("\n", open.Select(a =>
                $"• {a.Title} ({a.Id}) — deadline {ActionText.Deadline(a.Deadline, a.TimeZone)} — {a.Tally.Signed} signed, {a.Tally.Declined} declined"));
    }

    public async Task<string> StatusAsync(string id, CancellationToken cancellationToken)
    {
        if (await actions.GetAsync(id, cancellationToken) is not { } action)
        {
            return $"There is no action '{id}'. “actions” lists the open ones.";
        }
        var failed = action.Deliveries?.Where(d => d.State == "failed").ToList() ?? [];
        return $"{action.Title} ({action.Id}) is {action.Status}; deadline {ActionText.Deadline(action.Deadline, action.TimeZone)}.\n"
            + $"{action.Tally.Signed} organisations signed, {action.Tally.Declined} declined, {action.Tally.Later} asked to be reminded."
            + (action.Organisations.Count > 0 ? "\n" + string.Join("\n", action.Organisations.Select(o => $"• {o.Organisation}: {o.Answer}")) : "")
            + (failed.Count > 0
                ? $"\n{failed.Count} message(s) could not be delivered:\n" + string.Join("\n", failed.Take(10).Select(d => $"• {d.Target}: {d.Error}"))
                : "");
    }

    public async Task<string> CloseAsync(string id, string platform, string userId, CancellationToken cancellationToken)
    {
        if (!IsCoordinator(platform, userId))
        {
            return NotCoordinator;
        }
        var (closed, problem) = await actions.CloseAsync(id, cancellationToken);
        return problem?.Error ?? $"Closed “{closed!.Title}”: {closed.Tally.Signed} organisations signed, {closed.Tally.Declined} declined. The summary and the signatory list are on their way to the coordinator.";
    }
}
