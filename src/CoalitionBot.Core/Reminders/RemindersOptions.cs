using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Reminders;

/// <summary>The delivery worker (section <c>Reminders</c>).</summary>
public sealed class RemindersOptions
{
    /// <summary>How often the worker looks for due deliveries (one indexed read when nothing is due). Default: 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed delivery is reserved for its worker; a crashed worker's rows come back after it. Default: 2 minutes.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a delivery is marked failed (with the reason). Default: 5.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First wait before a retry; it doubles with each attempt. Default: 1 minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries claimed at once. Default: 20.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 20;
}
