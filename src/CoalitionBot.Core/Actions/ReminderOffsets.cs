using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace CoalitionBot.Actions;

/// <summary>
/// Reminder offsets as coordinators type them ("3 days, 1 day, 2 hours", "3d 1d 2h") or as the
/// API takes them (ISO 8601 durations, "P3D"), and back into words for the confirmation.
/// </summary>
public static partial class ReminderOffsets
{
    public static readonly IReadOnlyList<string> Default = ["P3D", "P1D", "PT2H"];

    /// <summary>The ISO 8601 durations, longest first; the problem when a part is not a duration. Empty text means the defaults; "none" means no reminders.</summary>
    public static (IReadOnlyList<string>? Offsets, string? Problem) Read(string? text)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (Default, null);
        }
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return ([], null);
        }
        var offsets = new List<TimeSpan>();
        foreach (var part in Separator().Split(text).Where(p => p.Length > 0))
        {
            if (ToTimeSpan(part) is not { } offset || offset <= TimeSpan.Zero)
            {
                return (null, $"“{part}” is not a time before the deadline; write them like “3 days, 1 day, 2 hours”.");
            }
            offsets.Add(offset);
        }
        return (offsets.Distinct().OrderDescending().Select(XmlConvert.ToString).ToList(), null);
    }

    /// <summary>The offsets as a coordinator would type them, "3 days, 1 day, 2 hours": what the forms start with.</summary>
    public static string Words(IEnumerable<string> offsets) => string.Join(", ", offsets.Select(o => Words(XmlConvert.ToTimeSpan(o))));

    /// <summary>"3 days, 1 day and 2 hours before the deadline", or "no reminders".</summary>
    public static string Describe(IEnumerable<string> offsets)
    {
        var words = offsets.Select(o => Words(XmlConvert.ToTimeSpan(o))).ToList();
        return words.Count switch
        {
            0 => "no reminders",
            1 => words[0] + " before the deadline",
            _ => string.Join(", ", words[..^1]) + " and " + words[^1] + " before the deadline",
        };
    }

    private static TimeSpan? ToTimeSpan(string part)
    {
        if (part.StartsWith('P') || part.StartsWith('p'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(part.ToUpperInvariant());
            }
            catch (FormatException)
            {
                return null;
            }
        }
        var match = Amount().Match(part);
        if (!match.Success)
        {
            return null;
        }
        var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.ToLowerInvariant()[0] switch
        {
            'w' => TimeSpan.FromDays(7 * n),
            'd' => TimeSpan.FromDays(n),
            'h' => TimeSpan.FromHours(n),
            _ => TimeSpan.FromMinutes(n),
        };
    }

    private static string Words(TimeSpan offset) =>
        offset.TotalDays >= 1 && offset.TotalDays == Math.Floor(offset.TotalDays) ? Plural((int)offset.TotalDays, "day")
        : offset.TotalHours >= 1 && offset.TotalHours == Math.Floor(offset.TotalHours) ? Plural((int)offset.TotalHours, "hour")
        : Plural((int)Math.Round(offset.TotalMinutes), "minute");

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    [GeneratedRegex(@"\s*(?:,|;|\band\b)\s*|\s+(?=\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<unit>w(?:eeks?|ks?)?|d(?:ays?)?|h(?:ours?|rs?)?|m(?:in(?:ute)?s?)?)(?:\s+before)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();
}
