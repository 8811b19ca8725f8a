using CoalitionBot.Organisations;

namespace CoalitionBot.Actions;

/// <summary>An organisation's answer to one action: signed if any of its members signed, else declined.</summary>
internal sealed record OrganisationStanding(string Key, string Name, Organisation? Entry, bool Signed, IReadOnlyList<ActionResponse> Responses);

/// <summary>
/// Counts answers per organisation by the directory. A member's organisation is their confirmed membership, else the
/// organisation their typed name matches; someone in neither counts as their own typed organisation (as before the
/// directory), and two staff of one organisation are one signatory. Every directory organisation that has neither
/// signed nor declined is "not yet answered": the directory is the list of organisations expected to answer.
/// </summary>
internal static class ActionTallies
{
    public static IReadOnlyList<OrganisationStanding> Answered(AdvocacyAction action, OrganisationIndex directory) =>
        action.Responses
            .Where(r => r.Answer != ActionAnswer.Later)
            .Select(r => (Response: r, Who: Identify(r.Platform, r.UserId, r.Organisation, directory, includeUnconfirmed: false)))
            .GroupBy(x => x.Who.Key)
            .Select(g => new OrganisationStanding(g.Key, g.First().Who.Name, g.First().Who.Entry, g.Any(x => x.Response.Answer == ActionAnswer.Signed), g.Select(x => x.Response).ToList()))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static IReadOnlyList<Organisation> NotAnswered(IReadOnlyList<OrganisationStanding> answered, OrganisationIndex directory)
    {
        var done = answered.Where(s => s.Entry is not null).Select(s => s.Entry!.Id).ToHashSet();
        return directory.All.Where(o => !done.Contains(o.Id)).ToList();
    }

    /// <summary>
    /// Whether the member's organisation has signed or declined, so that "your organisation has not answered" never
    /// reaches its staff. Here a learned (unconfirmed) membership counts too, and so does the name the member typed
    /// for an earlier action (<paramref name="typedBefore"/>).
    /// </summary>
    public static bool OrganisationHasAnswered(IReadOnlyList<OrganisationStanding> answered, OrganisationIndex directory, string platform, string userId, string? typedBefore)
    {
        if (answered.Any(s => s.Responses.Any(r => r.Platform == platform && r.UserId == userId)))
        {
            return true;
        }
        var keys = answered.Select(s => s.Key).ToHashSet();
        return keys.Contains(Identify(platform, userId, typedBefore, directory, includeUnconfirmed: true).Key)
            || (typedBefore is not null && keys.Contains(Identify(platform, userId, typedBefore, directory, includeUnconfirmed: false).Key));
    }

    private static (string Key, string Name, Organisation? Entry) Identify(string platform, string userId, string? typed, OrganisationIndex directory, bool includeUnconfirmed)
    {
        if ((directory.MemberOf(platform, userId, includeUnconfirmed) ?? directory.Match(typed)) is { } organisation)
        {
            return ("org:" + organisation.Id, organisation.Name, organisation);
        }
        var name = typed?.Trim() is { Length: > 0 } given ? given : userId;
        var key = OrganisationNames.Key(name);
        return ("name:" + (key.Length > 0 ? key : name.ToLowerInvariant()), name, null);
    }
}
