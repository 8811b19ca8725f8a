using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace CoalitionBot.Actions;

/// <summary>A deadline as read from a coordinator's words: the moment, or why it could not be read.</summary>
public sealed record DeadlineReading(DateTimeOffset? Deadline, string? Problem);

/// <summary>
/// Reads a deadline typed the way people type it ("Friday 5pm", "Dec 5 17:00", "in 3 days",
/// "2026-12-05T17:00+01:00") in the coordinator's time zone, with Microsoft.Recognizers.Text.
/// A day without a time means 17:00 that day, the end of a working day; the confirmation shows it.
/// </summary>
public static class DeadlineReader
{
    private static readonly TimeSpan EndOfDay = TimeSpan.FromHours(17);

    // Building the model compiles its regular expressions: once per process, not per request.
    private static readonly Lazy<DateTimeModel> Model = new(() => (DateTimeModel)new DateTimeRecognizer(Culture.English, DateTimeOptions.None).GetDateTimeModel());

    /// <summary>Compiles the recognizer ahead of the first coordinator, whose modal must be answered within 3 seconds.</summary>
    public static void WarmUp(DateTimeOffset now) => _ = Read("tomorrow", FallbackZone, now);

    /// <summary>The zone a deadline is read and shown in when the person's own is unknown.</summary>
    public const string FallbackZone = "UTC";

    public static DeadlineReading Read(string? text, string? timeZone, DateTimeOffset now)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new(null, "Give a deadline, for example “Friday 5pm”, “Dec 5 17:00” or “in 3 days”.");
        }
        if (text.Length > 100)
        {
            return new(null, "Keep the deadline short: a day and a time, such as “Dec 5 17:00”.");
        }
        var zone = Zone(timeZone);
        DateTimeOffset? deadline = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) && HasOffset(text)
            ? exact
            : Recognize(text, zone, now);
        if (deadline is not { } found)
        {
            return new(null, $"I could not read “{text}” as a date. Try “Friday 5pm”, “Dec 5 17:00” or “in 3 days”.");
        }
        if (found <= now)
        {
            return new(null, $"{Describe(found, zone.Id)} has already passed; give a deadline in the future.");
        }
        return new(found, null);
    }

    /// <summary>"Friday 5 December 2026, 17:00 (Europe/Brussels)": how a deadline is confirmed back to its coordinator.</summary>
    public static string Describe(DateTimeOffset deadline, string? timeZone)
    {
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(deadline, zone);
        return local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }

    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");

    private static DateTimeOffset? Recognize(string text, TimeZoneInfo zone, DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        foreach (var result in Model.Value.Parse(text, localNow))
        {
            if (!result.Resolution.TryGetValue("values", out var raw) || raw is not List<Dictionary<string, string>> values)
            {
                continue;
            }
            // Several values for one expression ("Friday" last week and this week): the first one still ahead.
            var candidates = values.SelectMany(v => LocalTimes(v, localNow)).Select(t => ToZone(t, zone)).ToList();
            if (candidates.Count > 0)
            {
                return candidates.FirstOrDefault(c => c > now, candidates[^1]);
            }
        }
        return null;
    }

    /// <summary>The moments one resolved value may name, as wall-clock times in the coordinator's zone.</summary>
    private static IEnumerable<DateTime> LocalTimes(Dictionary<string, string> value, DateTime localNow)
    {
        DateTime? at = value.GetValueOrDefault("type") switch
        {
            "datetime" => Parse(value.GetValueOrDefault("value")),
            "date" => Parse(value.GetValueOrDefault("value"))?.Add(EndOfDay),
            // "by Friday": the day itself is the deadline.
            "daterange" when value.GetValueOrDefault("Mod") == "before" => Parse(value.GetValueOrDefault("end"))?.Add(EndOfDay),
            _ => null,
        };
        if (at is { } moment)
        {
            yield return moment;
        }
        else if (value.GetValueOrDefault("type") == "time" && TimeSpan.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var time))
        {
            // "5pm" alone: today if it is still ahead, else tomorrow.
            yield return localNow.Date + time;
            yield return localNow.Date.AddDays(1) + time;
        }
    }

    private static DateTime? Parse(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;

    /// <summary>Wall-clock time in a zone as a moment; a time skipped by a clock change moves to the hour after.</summary>
    private static DateTimeOffset ToZone(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
