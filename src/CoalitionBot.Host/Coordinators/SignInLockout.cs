using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Host.Coordinators;

/// <summary>
/// Wrong passwords per name: after <see cref="CoordinatorOptions.MaxFailedSignIns"/> in a row the name is locked for
/// <see cref="CoordinatorOptions.LockoutFor"/>, even with the right password. Unknown names count too, so the lockout
/// does not tell which names exist. Kept in memory, per instance: a restart forgets it, and the per-address rate limit
/// on the sign-in POST still bounds guessing across instances.
/// </summary>
public sealed class SignInLockout(IOptions<CoordinatorOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Until when the name is locked, or null when it may try.</summary>
    public DateTimeOffset? LockedUntil(string name) =>
        _names.TryGetValue(Key(name), out var state) && state.LockedUntil is { } until && until > time.GetUtcNow() ? until : null;

    public void Failed(string name) => _names.AddOrUpdate(Key(name), _ => Next(0), (_, state) => Next(state.LockedUntil is { } until && until <= time.GetUtcNow() ? 0 : state.Failures));

    public void Succeeded(string name) => _names.TryRemove(Key(name), out _);

    private (int, DateTimeOffset?) Next(int failures) =>
        failures + 1 >= options.Value.MaxFailedSignIns ? (failures + 1, time.GetUtcNow() + options.Value.LockoutFor) : (failures + 1, null);

    private static string Key(string name) => name.Trim();
}
