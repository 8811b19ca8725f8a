using CoalitionBot.Actions;

namespace CoalitionBot.Host.Coordinators;

/// <summary>How the pages write times: in the zone given (the action's, the coordinator's), with the zone named.</summary>
public static class Workspace
{
    public static string Deadline(DateTimeOffset at, string zone) => ActionText.Deadline(at, zone);

    public static string Utc(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
