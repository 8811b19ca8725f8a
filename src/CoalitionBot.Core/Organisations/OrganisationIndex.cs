using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Organisations;

/// <summary>
/// The directory read once for one decision (a tally, a reminder): organisations by id, by name and alias key, and
/// memberships by platform and user. A coalition has hundreds of organisations, not millions, so reading it whole is cheap.
/// </summary>
public sealed class OrganisationIndex
{
    private readonly Dictionary<string, Organisation> _byId;
    private readonly Dictionary<string, Organisation> _byKey;
    private readonly Dictionary<(string Platform, string UserId), OrganisationMember> _members;

    private OrganisationIndex(List<Organisation> organisations, List<OrganisationAlias> aliases, List<OrganisationMember> members)
    {
        _byId = organisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _byKey = organisations.ToDictionary(o => o.NameKey, StringComparer.Ordinal);
        foreach (var alias in aliases.Where(a => _byId.ContainsKey(a.OrganisationId)))
        {
            _byKey.TryAdd(alias.NameKey, _byId[alias.OrganisationId]);
        }
        _members = members.Where(m => _byId.ContainsKey(m.OrganisationId)).ToDictionary(m => (m.Platform, m.UserId));
    }

    public static OrganisationIndex Empty { get; } = new([], [], []);

    public static async Task<OrganisationIndex> LoadAsync(CoalitionDbContext db, CancellationToken cancellationToken) => new(
        await db.Set<Organisation>().AsNoTracking().Include(o => o.FocalPoints).ToListAsync(cancellationToken),
        await db.Set<OrganisationAlias>().AsNoTracking().ToListAsync(cancellationToken),
        await db.Set<OrganisationMember>().AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>Every organisation, by name.</summary>
    public IEnumerable<Organisation> All => _byId.Values.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase);

    public Organisation? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The organisation a typed name means (its name or an alias, ignoring case, spacing, punctuation and accents).</summary>
    public Organisation? Match(string? typedName) =>
        OrganisationNames.Key(typedName) is { Length: > 0 } key ? _byKey.GetValueOrDefault(key) : null;

    /// <summary>The organisation a member belongs to; learned memberships count only when <paramref name="includeUnconfirmed"/>.</summary>
    public Organisation? MemberOf(string platform, string userId, bool includeUnconfirmed = false) =>
        _members.TryGetValue((platform, userId), out var member) && (member.Confirmed || includeUnconfirmed) ? _byId[member.OrganisationId] : null;
}
