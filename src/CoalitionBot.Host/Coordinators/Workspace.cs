using CoalitionBot.Actions;

namespace CoalitionBot.Host.Coordinators;

/// <summary>How the pages write times: in the zone given (the action's, the coordinator's), with the zone named.</summary>
public static class Workspace
{
    public static string Deadline(DateTimeOffset at, string zone) => ActionText.Deadline(at, zone);

    /// <summary>The signatories to paste under the letter: "Organisation (Country)", one a line, sorted, each organisation once (by the directory).</summary>
    public static string PasteBlock(ActionView action) => string.Join('\n', action.Organisations
        .Where(o => o.Answer == "signed")
        .Select(o => o.Country is { Length: > 0 } country ? $"{o.Organisation} ({country})" : o.Organisation)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.OrdinalIgnoreCase));

    public static string Utc(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
