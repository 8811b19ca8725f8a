using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Host.Coordinators;

/// <summary>
/// The coordinators who may sign in: those in configuration and those in the accounts file (read again at every
/// sign-in, so <c>coordinator add NAME --write</c> needs no restart). Names compare without regard to case.
/// </summary>
public sealed partial class CoordinatorAccounts(IOptions<CoordinatorOptions> options, IOptions<Storage.StorageOptions> storage, ILogger<CoordinatorAccounts> logger)
{
    public const string FileName = "coordinators.txt";
    public const int MaxName = 64;

    public string AccountsFile => Path.GetFullPath(options.Value.AccountsFile ?? Path.Combine(storage.Value.DataPath, FileName));

    /// <summary>Whether any account exists: the sign-in page says how to add one when none does.</summary>
    public bool Any() => All().Count > 0;

    /// <summary>The stored hash for <paramref name="name"/>, or null for an unknown name.</summary>
    public string? HashOf(string name) =>
        All().FirstOrDefault(a => a.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))?.PasswordHash;

    /// <summary>Why <paramref name="name"/> cannot be an account's name, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Give the coordinator a name to sign in with."
        : name.Length > MaxName ? $"Keep the name under {MaxName} characters."
        : !NameShape().IsMatch(name) ? "Use letters, digits, dots, dashes, underscores or @ in the name (no spaces)."
        : null;

    /// <summary>The file's line for an account: what <c>coordinator add --write</c> writes.</summary>
    public static string Line(string name, string hash) => $"{name} {hash}";

    /// <summary>Adds (or replaces) the account in the accounts file.</summary>
    public static void Write(string file, string name, string hash)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var lines = File.Exists(file) ? File.ReadAllLines(file).ToList() : ["# Coordinators of the workspace at /coordinators: one 'name hash' a line (coordinator add NAME --write)."];
        lines.RemoveAll(l => l.Split(' ', 2)[0].Equals(name, StringComparison.OrdinalIgnoreCase));
        lines.Add(Line(name, hash));
        File.WriteAllLines(file, lines);
    }

    private List<CoordinatorAccount> All()
    {
        var accounts = options.Value.Accounts.Where(a => !string.IsNullOrWhiteSpace(a.Name) && !string.IsNullOrWhiteSpace(a.PasswordHash)).ToList();
        var file = AccountsFile;
        if (!File.Exists(file))
        {
            return accounts;
        }
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && !parts[0].StartsWith('#') && NameProblem(parts[0]) is null)
                {
                    accounts.Add(new CoordinatorAccount { Name = parts[0], PasswordHash = parts[1] });
                }
            }
        }
        catch (IOException e)
        {
            Log.FileUnreadable(logger, file, e.Message);
        }
        return accounts;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]+$")]
    private static partial Regex NameShape();

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "The coordinators file {File} could not be read: {Reason}")]
        public static partial void FileUnreadable(ILogger logger, string file, string reason);
    }
}
