using Microsoft.Extensions.Configuration;

namespace CoalitionBot.Knowledge;

/// <summary>
/// The scopes set under <c>Knowledge:Collections:{Platform}:{conversation id}</c> = ["eu-advocacy", …].
/// Read from the raw configuration paths because Teams conversation ids ("19:…@thread.tacv2")
/// contain ':', the configuration's own separator, which the options binder would split on.
/// </summary>
public sealed class LibraryScopes
{
    private readonly Dictionary<(string Platform, string Conversation), LibraryScope> _scopes;

    public LibraryScopes(IEnumerable<(string Platform, string Conversation, IEnumerable<string> Collections)> scopes) =>
        _scopes = scopes.ToDictionary(s => (s.Platform.ToLowerInvariant(), s.Conversation), s => LibraryScope.Of(s.Collections));

    public static LibraryScopes None { get; } = new([]);

    /// <summary>The configured conversations, for the start-up check against the library's collections.</summary>
    public IEnumerable<(string Platform, string Conversation, LibraryScope Scope)> Configured =>
        _scopes.Select(s => (s.Key.Platform, s.Key.Conversation, s.Value));

    /// <summary>
    /// The scope of a conversation: its own setting, or for a Teams channel thread
    /// ("19:…@thread.tacv2;messageid=…") its channel's; everything when none is set.
    /// </summary>
    public LibraryScope For(string platform, string conversationId)
    {
        var key = platform.ToLowerInvariant();
        if (_scopes.TryGetValue((key, conversationId), out var scope))
        {
            return scope;
        }
        var channel = conversationId.Split(';', 2)[0];
        return _scopes.TryGetValue((key, channel), out scope) ? scope : LibraryScope.Everything;
    }

    /// <summary>
    /// Reads the section: each leaf is either "{platform}:{id}:{index}" (a JSON array) or
    /// "{platform}:{id}" with a comma-separated value (an environment variable).
    /// </summary>
    public static LibraryScopes Read(IConfigurationSection section)
    {
        var found = new Dictionary<(string, string), List<string>>();
        foreach (var platform in section.GetChildren())
        {
            var prefix = platform.Path + ConfigurationPath.KeyDelimiter;
            foreach (var (path, value) in platform.AsEnumerable())
            {
                if (value is null || !path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }
                var id = path[prefix.Length..];
                var last = id.LastIndexOf(':');
                if (last > 0 && id[(last + 1)..].All(char.IsAsciiDigit))
                {
                    id = id[..last];
                }
                var key = (platform.Key, id);
                if (!found.TryGetValue(key, out var collections))
                {
                    found[key] = collections = [];
                }
                collections.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return new LibraryScopes(found.Select(f => (f.Key.Item1, f.Key.Item2, (IEnumerable<string>)f.Value)));
    }
}
