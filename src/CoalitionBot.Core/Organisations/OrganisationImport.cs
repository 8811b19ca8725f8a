using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Organisations;

/// <summary>
/// Imports organisations, focal points and memberships from CSV, one row each, with a header naming the columns:
/// <c>organisation,country,focal point,email,platform,user</c> (only <c>organisation</c> is required; order is free).
/// A row adds the organisation if it is new (matched like sign-on names), its focal point and its member. Each bad
/// row is reported with its line number and changes nothing; the good rows are imported.
/// </summary>
public sealed class OrganisationImport(IDbContextFactory<CoalitionDbContext> contexts, OrganisationDirectory directory, TimeProvider time)
{
    /// <summary>Most rows one import takes.</summary>
    public const int MaxRows = 5000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["organisation"] = "organisation", ["organization"] = "organisation", ["name"] = "organisation",
        ["country"] = "country",
        ["focalpoint"] = "focal", ["focalpointname"] = "focal", ["contact"] = "focal",
        ["email"] = "email", ["focalpointemail"] = "email",
        ["platform"] = "platform",
        ["user"] = "user", ["userid"] = "user", ["member"] = "user",
    };

    /// <returns>The result, or the problem that stopped the whole file (no header, too many rows).</returns>
    public async Task<(CsvImportResult? Result, OrganisationProblem? Problem)> ImportAsync(string csv, CancellationToken cancellationToken)
    {
        var records = CsvRecords.Read(csv).ToList();
        if (records.Count == 0)
        {
            return (null, new OrganisationProblem(400, "The CSV is empty. Its first line names the columns: organisation,country,focal point,email,platform,user."));
        }
        if (records.Count - 1 > MaxRows)
        {
            return (null, new OrganisationProblem(400, $"The CSV has {records.Count - 1} rows; import at most {MaxRows} at a time."));
        }
        var header = records[0];
        var columns = header.Fields.Select(f => Columns.GetValueOrDefault(OrganisationNames.Key(f))).ToList();
        if (header.Problem is not null || !columns.Contains("organisation"))
        {
            return (null, new OrganisationProblem(400, $"Line {header.Line}: the first line must name the columns, with at least “organisation” (also: country, focal point, email, platform, user)."));
        }
        if (header.Fields.Select((f, i) => (f, i)).FirstOrDefault(c => columns[c.i] is null) is { f: { } unknown })
        {
            return (null, new OrganisationProblem(400, $"Line {header.Line}: “{unknown.Trim()}” is not a column this import knows; use organisation, country, focal point, email, platform, user."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var index = await OrganisationIndex.LoadAsync(db, cancellationToken);
        var organisations = await db.Set<Organisation>().Include(o => o.FocalPoints).ToDictionaryAsync(o => o.Id, cancellationToken);
        var byKey = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        var members = await db.Set<OrganisationMember>().ToDictionaryAsync(m => (m.Platform, m.UserId), cancellationToken);
        var errors = new List<CsvRowError>();
        var (imported, added, membersAdded, focalAdded) = (0, 0, 0, 0);
        foreach (var record in records.Skip(1))
        {
            string? Get(string column) => columns.IndexOf(column) is var i and >= 0 && i < record.Fields.Count ? OrganisationDirectory.Blank(record.Fields[i]) : null;
            var (name, country, focal, email, platform, user) = (Get("organisation"), Get("country"), Get("focal"), Get("email"), Get("platform")?.ToLowerInvariant(), Get("user"));
            var problem = record.Problem
                ?? (record.Fields.Count > columns.Count ? $"{record.Fields.Count} fields, but the header names {columns.Count} columns (a comma inside a name needs \"quotes\")." : null)
                ?? OrganisationDirectory.CheckName(name, country)
                ?? (focal is null && email is not null ? "An email without a focal point's name." : null)
                ?? (focal is not null ? OrganisationDirectory.CheckFocalPoint(focal, email) : null)
                ?? (platform is null && user is null ? null : OrganisationDirectory.CheckMember(platform, user));
            var organisation = problem is null ? Find(name!) : null;
            if (problem is null && user is not null && members.TryGetValue((platform!, user), out var existing)
                && existing.OrganisationId != organisation?.Id)
            {
                problem = $"{platform} user {user} already belongs to “{organisations.GetValueOrDefault(existing.OrganisationId)?.Name ?? byKey.Values.FirstOrDefault(o => o.Id == existing.OrganisationId)?.Name}”.";
            }
            if (problem is not null)
            {
                errors.Add(new CsvRowError(record.Line, $"Line {record.Line}: {problem}"));
                continue;
            }
            if (organisation is null)
            {
                organisation = directory.New(OrganisationNames.Tidy(name!), country);
                db.Add(organisation);
                byKey[organisation.NameKey] = organisation;
                added++;
            }
            organisation.Country ??= country;
            if (focal is not null && !organisation.FocalPoints.Any(f => OrganisationNames.Key(f.Name) == OrganisationNames.Key(focal)))
            {
                organisation.FocalPoints.Add(new FocalPoint { OrganisationId = organisation.Id, Name = focal, Email = email });
                focalAdded++;
            }
            if (user is not null)
            {
                if (members.TryGetValue((platform!, user), out var member))
                {
                    member.Confirmed = true;   // a learned membership the file confirms
                }
                else
                {
                    member = new OrganisationMember { OrganisationId = organisation.Id, Platform = platform!, UserId = user, Source = MembershipSource.Import, Confirmed = true, AddedAt = time.GetUtcNow() };
                    db.Add(member);
                    members[(platform!, user)] = member;
                    membersAdded++;
                }
            }
            imported++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return (new CsvImportResult(records.Count - 1, imported, added, membersAdded, focalAdded, errors), null);

        Organisation? Find(string name) =>
            index.Match(name) is { } known ? organisations[known.Id] : byKey.GetValueOrDefault(OrganisationNames.Key(name));
    }
}
