using System.Security.Cryptography;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Organisations;

/// <summary>
/// The coalition's organisations and who belongs to which: added by hand, imported from CSV (<see cref="OrganisationImport"/>),
/// or learned when a member signs with a name that matches and then confirmed by a coordinator. Names typed in the
/// sign-on form that match nothing are listed (<see cref="UnknownNamesAsync"/>) for a coordinator to merge or add.
/// </summary>
public sealed class OrganisationDirectory(IDbContextFactory<CoalitionDbContext> contexts, TimeProvider time)
{
    public const int MaxCountry = 100;

    public async Task<IReadOnlyList<OrganisationView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organisations = await db.Set<Organisation>().AsNoTracking().Include(o => o.FocalPoints).ToListAsync(cancellationToken);
        var aliases = (await db.Set<OrganisationAlias>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(a => a.OrganisationId);
        var members = (await db.Set<OrganisationMember>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(m => m.OrganisationId);
        return organisations.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(o => OrganisationView.Of(o, aliases[o.Id], members[o.Id])).ToList();
    }

    public async Task<OrganisationView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Set<Organisation>().AsNoTracking().Include(o => o.FocalPoints).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? null : OrganisationView.Of(organisation,
            await db.Set<OrganisationAlias>().AsNoTracking().Where(a => a.OrganisationId == id).ToListAsync(cancellationToken),
            await db.Set<OrganisationMember>().AsNoTracking().Where(m => m.OrganisationId == id).ToListAsync(cancellationToken));
    }

    public async Task<(OrganisationView? Organisation, OrganisationProblem? Problem)> CreateAsync(NewOrganisation request, CancellationToken cancellationToken)
    {
        if (Check(request) is { } problem)
        {
            return (null, problem);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = OrganisationNames.Tidy(request.Name!);
        if ((await OrganisationIndex.LoadAsync(db, cancellationToken)).Match(name) is { } existing)
        {
            return (null, new OrganisationProblem(409, $"“{name}” is already in the directory as “{existing.Name}” ({existing.Id})."));
        }
        var organisation = New(name, request.Country);
        organisation.FocalPoints.AddRange((request.FocalPoints ?? []).Select(f => new FocalPoint { OrganisationId = organisation.Id, Name = f.Name!.Trim(), Email = Blank(f.Email) }));
        db.Add(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsDuplicate())
        {
            return (null, new OrganisationProblem(409, $"“{name}” was added to the directory a moment ago."));
        }
        return (await GetAsync(organisation.Id, cancellationToken), null);
    }

    /// <summary>Adds a member by hand (confirmed); a learned membership of the same person to the same organisation becomes confirmed.</summary>
    public async Task<(MemberView? Member, OrganisationProblem? Problem)> AddMemberAsync(string organisationId, NewMember request, CancellationToken cancellationToken)
    {
        if (CheckMember(request.Platform, request.User) is { } invalid)
        {
            return (null, new OrganisationProblem(400, invalid));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Organisation>().FindAsync([organisationId], cancellationToken) is not { } organisation)
        {
            return (null, NotFound(organisationId));
        }
        var (platform, user) = (request.Platform!.Trim().ToLowerInvariant(), request.User!.Trim());
        var member = await db.Set<OrganisationMember>().SingleOrDefaultAsync(m => m.Platform == platform && m.UserId == user, cancellationToken);
        if (member is not null && member.OrganisationId != organisationId)
        {
            var other = await db.Set<Organisation>().FindAsync([member.OrganisationId], cancellationToken);
            return (null, new OrganisationProblem(409, $"{platform} user {user} already belongs to “{other?.Name}”; remove that membership first."));
        }
        if (member is null)
        {
            member = new OrganisationMember { OrganisationId = organisationId, Platform = platform, UserId = user, Source = MembershipSource.Manual, AddedAt = time.GetUtcNow() };
            db.Add(member);
        }
        member.Confirmed = true;
        await db.SaveChangesAsync(cancellationToken);
        return (MemberView.Of(member, organisation.Name), null);
    }

    /// <summary>Learned memberships waiting for a coordinator, oldest first.</summary>
    public async Task<IReadOnlyList<MemberView>> LearnedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Set<Organisation>().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return (await db.Set<OrganisationMember>().AsNoTracking().Where(m => !m.Confirmed).ToListAsync(cancellationToken))
            .OrderBy(m => m.AddedAt).Select(m => MemberView.Of(m, names.GetValueOrDefault(m.OrganisationId, ""))).ToList();
    }

    public async Task<(MemberView? Member, OrganisationProblem? Problem)> ConfirmAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<OrganisationMember>().FindAsync([memberId], cancellationToken) is not { } member)
        {
            return (null, new OrganisationProblem(404, $"There is no membership {memberId}."));
        }
        member.Confirmed = true;
        await db.SaveChangesAsync(cancellationToken);
        var name = (await db.Set<Organisation>().FindAsync([member.OrganisationId], cancellationToken))?.Name ?? "";
        return (MemberView.Of(member, name), null);
    }

    /// <summary>Removes a membership (a wrong learned one, someone who left).</summary>
    public async Task<OrganisationProblem?> RemoveMemberAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.Set<OrganisationMember>().Where(m => m.Id == memberId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? new OrganisationProblem(404, $"There is no membership {memberId}.") : null;
    }

    /// <summary>Organisation names typed in sign-ons that match no organisation or alias, most answers first.</summary>
    public async Task<IReadOnlyList<UnknownOrganisationName>> UnknownNamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var index = await OrganisationIndex.LoadAsync(db, cancellationToken);
        var typed = await db.Set<ActionResponse>().AsNoTracking().Where(r => r.Organisation != null).ToListAsync(cancellationToken);
        return typed
            .Where(r => index.Match(r.Organisation) is null && OrganisationNames.Key(r.Organisation).Length > 0)
            .GroupBy(r => OrganisationNames.Key(r.Organisation))
            .Select(g => new UnknownOrganisationName(
                g.GroupBy(r => r.Organisation!.Trim()).OrderByDescending(s => s.Count()).First().Key,
                g.Key, g.Count(),
                g.Select(r => $"{r.Platform}:{r.UserId}").Distinct().Order().ToList(),
                g.Select(r => r.ActionId).Distinct().Order().ToList(),
                g.Max(r => r.AnsweredAt)))
            .OrderByDescending(u => u.Answers).ThenBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Merges a typed name into an organisation: the name becomes its alias, so past and future answers under it count
    /// for the organisation, and those who typed it get learned memberships for a coordinator to confirm.
    /// </summary>
    public async Task<(OrganisationView? Organisation, OrganisationProblem? Problem)> MergeAsync(string organisationId, string? typedName, CancellationToken cancellationToken)
    {
        var key = OrganisationNames.Key(typedName);
        if (key.Length == 0 || typedName!.Length > OrganisationNames.MaxName)
        {
            return (null, new OrganisationProblem(400, "Give the name to merge, as members typed it: { \"name\": \"HIAS Europe\" }."));
        }
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var index = await OrganisationIndex.LoadAsync(db, cancellationToken);
            if (index.Find(organisationId) is null)
            {
                return (null, NotFound(organisationId));
            }
            if (index.Match(typedName) is { } already)
            {
                return (null, new OrganisationProblem(409, $"“{typedName.Trim()}” already counts for “{already.Name}”."));
            }
            db.Add(new OrganisationAlias { OrganisationId = organisationId, Name = OrganisationNames.Tidy(typedName), NameKey = key, AddedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            var typedBy = (await db.Set<ActionResponse>().AsNoTracking().Where(r => r.Organisation != null).ToListAsync(cancellationToken))
                .Where(r => OrganisationNames.Key(r.Organisation) == key).Select(r => (r.Platform, r.UserId, r.Organisation)).DistinctBy(r => (r.Platform, r.UserId)).ToList();
            foreach (var (platform, user, name) in typedBy)
            {
                await LearnAsync(platform, user, name, cancellationToken);
            }
        }
        return (await GetAsync(organisationId, cancellationToken), null);
    }

    /// <summary>
    /// After a member signed or declined with a typed name: when the name matches an organisation and the member has no
    /// membership yet, a learned one is stored for a coordinator to confirm.
    /// </summary>
    public async Task LearnAsync(string platform, string userId, string? typedName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var index = await OrganisationIndex.LoadAsync(db, cancellationToken);
        if (index.Match(typedName) is not { } organisation || index.MemberOf(platform, userId, includeUnconfirmed: true) is not null)
        {
            return;
        }
        db.Add(new OrganisationMember
        {
            OrganisationId = organisation.Id, Platform = platform, UserId = userId, Source = MembershipSource.Learned,
            Confirmed = false, TypedName = typedName?.Trim(), AddedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsDuplicate())
        {
            // Learned at the same moment from another answer: one membership is enough.
        }
    }

    internal static OrganisationProblem NotFound(string id) => new(404, $"There is no organisation '{id}' in the directory.");

    internal Organisation New(string name, string? country) => new()
    {
        Id = "org_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)),
        Name = name, NameKey = OrganisationNames.Key(name), Country = Blank(country), CreatedAt = time.GetUtcNow(),
    };

    /// <summary>The problem with a membership's platform and user, or null.</summary>
    internal static string? CheckMember(string? platform, string? user) =>
        platform is null || !Platforms.Broadcast.Contains(platform.Trim()) ? $"The platform '{platform}' is not one of: slack, teams."
        : string.IsNullOrWhiteSpace(user) ? "Give the member's user id (a Slack user id such as U0123ABCD, or a Teams user's Entra object id)."
        : user.Trim().Length > 200 ? "That user id is too long to be a Slack or Teams id."
        : null;

    internal static string? CheckName(string? name, string? country) =>
        string.IsNullOrWhiteSpace(name) || OrganisationNames.Key(name).Length == 0 ? "Give the organisation's name."
        : name.Trim().Length > OrganisationNames.MaxName ? $"The name is {name.Trim().Length} characters; keep it under {OrganisationNames.MaxName}."
        : country?.Trim().Length > MaxCountry ? $"Keep the country under {MaxCountry} characters."
        : null;

    internal static string? CheckFocalPoint(string? name, string? email) =>
        string.IsNullOrWhiteSpace(name) ? "Each focal point needs a name."
        : name.Trim().Length > OrganisationNames.MaxName ? "A focal point's name is too long."
        : Blank(email) is { } address && (address.Length > 254 || !address.Contains('@') || address.Contains(' ')) ? $"'{address}' is not an email address."
        : null;

    private static OrganisationProblem? Check(NewOrganisation request)
    {
        if (CheckName(request.Name, request.Country) is { } name)
        {
            return new(400, name);
        }
        foreach (var focal in request.FocalPoints ?? [])
        {
            if (CheckFocalPoint(focal.Name, focal.Email) is { } problem)
            {
                return new(400, problem);
            }
        }
        return null;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
