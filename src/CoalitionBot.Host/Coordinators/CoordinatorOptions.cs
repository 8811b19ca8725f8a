using System.ComponentModel.DataAnnotations;

namespace CoalitionBot.Host.Coordinators;

/// <summary>The coordinators' workspace at /coordinators (section <c>Coordinators</c>).</summary>
public sealed class CoordinatorOptions
{
    public const string Section = "Coordinators";

    /// <summary>Who may sign in: a name and a password hash each, as <c>coordinator add NAME</c> prints them. None by default.</summary>
    public List<CoordinatorAccount> Accounts { get; set; } = [];

    /// <summary>
    /// A file of further accounts, one <c>name hash</c> a line, which <c>coordinator add NAME --write</c> appends to;
    /// read at every sign-in, so an account added there works without a restart. Default: <c>{DataPath}/coordinators.txt</c>.
    /// </summary>
    public string? AccountsFile { get; set; }

    /// <summary>Wrong passwords in a row, for one name, before that name is locked out for <see cref="LockoutFor"/>. Default: 5.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a name stays locked out after <see cref="MaxFailedSignIns"/> wrong passwords. Default: 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one client (by address) may make per minute, whatever the name. Default: 10.</summary>
    [Range(1, 10_000)]
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>How long a session lasts without use. Default: 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Largest document the Library page accepts, in bytes. Default: 10 MB.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;
}

/// <summary>One coordinator: the name they sign in with and the hash of their password (<see cref="CoordinatorPassword"/>).</summary>
public sealed class CoordinatorAccount
{
    public string Name { get; set; } = "";

    public string PasswordHash { get; set; } = "";
}
