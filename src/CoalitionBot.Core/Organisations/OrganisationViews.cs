namespace CoalitionBot.Organisations;

/// <summary>An organisation as coordinators see it (GET /api/organisations).</summary>
public sealed record OrganisationView(
    string Id,
    string Name,
    string? Country,
    IReadOnlyList<FocalPointView> FocalPoints,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<MemberView> Members,
    DateTimeOffset CreatedAt)
{
    internal static OrganisationView Of(Organisation o, IEnumerable<OrganisationAlias> aliases, IEnumerable<OrganisationMember> members) => new(
        o.Id, o.Name, o.Country,
        o.FocalPoints.OrderBy(f => f.Id).Select(FocalPointView.Of).ToList(),
        aliases.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
        members.OrderBy(m => m.Platform).ThenBy(m => m.UserId).Select(m => MemberView.Of(m, o.Name)).ToList(),
        o.CreatedAt);
}

public sealed record FocalPointView(string Name, string? Email)
{
    internal static FocalPointView Of(FocalPoint f) => new(f.Name, f.Email);
}

/// <summary>A membership; <see cref="Source"/> is "manual", "import" or "learned", and learned ones wait for <see cref="Confirmed"/>.</summary>
public sealed record MemberView(long Id, string OrganisationId, string Organisation, string Platform, string UserId, string Source, bool Confirmed, string? TypedName, DateTimeOffset AddedAt)
{
    internal static MemberView Of(OrganisationMember m, string organisation) =>
        new(m.Id, m.OrganisationId, organisation, m.Platform, m.UserId, m.Source.ToString().ToLowerInvariant(), m.Confirmed, m.TypedName, m.AddedAt);
}

/// <summary>The body of POST /api/organisations.</summary>
public sealed record NewOrganisation(string? Name, string? Country = null, IReadOnlyList<NewFocalPoint>? FocalPoints = null);

public sealed record NewFocalPoint(string? Name, string? Email = null);

/// <summary>The body of POST /api/organisations/{id}/members: a Slack user id or a Teams user (Entra object id).</summary>
public sealed record NewMember(string? Platform, string? User);

/// <summary>
/// An organisation name members typed when signing that is not in the directory (nor an alias): a coordinator merges it
/// into an organisation or adds it. <see cref="Members"/> are "platform:user".
/// </summary>
public sealed record UnknownOrganisationName(string Name, string Key, int Answers, IReadOnlyList<string> Members, IReadOnlyList<string> Actions, DateTimeOffset LastTypedAt);

/// <summary>Why a directory request could not be carried out, and the HTTP status that says so (400, 404, 409).</summary>
public sealed record OrganisationProblem(int Status, string Error);

/// <summary>What a CSV import did: the good rows are in, each bad row is reported with its line number and changed nothing.</summary>
public sealed record CsvImportResult(int Rows, int Imported, int OrganisationsAdded, int MembersAdded, int FocalPointsAdded, IReadOnlyList<CsvRowError> Errors);

public sealed record CsvRowError(int Line, string Error);
