using System.CommandLine;
using CoalitionBot.Host.Coordinators;

namespace CoalitionBot.Host.Cli;

/// <summary>
/// <c>coordinator add NAME [--write]</c>: reads a password (one line on standard input, or typed without echo at a
/// terminal), and prints the account for Coordinators:Accounts, or with --write puts it in the coordinators file.
/// </summary>
internal static class CoordinatorCommand
{
    public static Command Create(CliRun run)
    {
        var name = new Argument<string>("name") { Description = "The name the coordinator signs in with." };
        var write = new Option<bool>("--write") { Description = "Add the account to {DataPath}/coordinators.txt instead of printing it." };
        var add = new Command("add", "Add a coordinator account for the workspace at /coordinators.") { name, write };
        add.SetAction(async (parsed, cancellationToken) =>
        {
            var who = parsed.GetValue(name)?.Trim();
            if (CoordinatorAccounts.NameProblem(who) is { } nameProblem)
            {
                await run.Console.Error.WriteLineAsync(nameProblem);
                return CliVerbs.BadInput;
            }
            await run.Console.Error.WriteAsync($"Password for {who} (at least {CoordinatorPassword.MinLength} characters): ");
            var password = await ReadPasswordAsync(run.Console, cancellationToken);
            await run.Console.Error.WriteLineAsync();
            if (CoordinatorPassword.Problem(password) is { } passwordProblem)
            {
                await run.Console.Error.WriteLineAsync(passwordProblem);
                return CliVerbs.BadInput;
            }
            var hash = CoordinatorPassword.Hash(password!);
            if (parsed.GetValue(write))
            {
                var file = AccountsFile(run.Settings);
                CoordinatorAccounts.Write(file, who!, hash);
                await run.Console.Out.WriteLineAsync($"Added {who} to {file}. They can sign in at /coordinators now.");
                return 0;
            }
            await run.Console.Out.WriteLineAsync("Add this account to Coordinators:Accounts in appsettings.json:");
            await run.Console.Out.WriteLineAsync($"  {{ \"Name\": \"{who}\", \"PasswordHash\": \"{hash}\" }}");
            await run.Console.Out.WriteLineAsync($"or as environment variables: Coordinators__Accounts__0__Name={who} Coordinators__Accounts__0__PasswordHash='{hash}'");
            await run.Console.Out.WriteLineAsync($"or, in the coordinators file ({CoordinatorAccounts.FileName} in the data folder), this line:");
            await run.Console.Out.WriteLineAsync($"  {CoordinatorAccounts.Line(who!, hash)}");
            return 0;
        });
        return new Command("coordinator", "Manage the coordinators who may sign in to the workspace.") { add };
    }

    /// <summary>At a terminal the password is typed without echo; piped in, it is the first line.</summary>
    private static async Task<string?> ReadPasswordAsync(CliConsole console, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(console.In, Console.In) || Console.IsInputRedirected)
        {
            return (await console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
        }
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return typed.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    private static string AccountsFile(string[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        return Path.GetFullPath(configuration["Coordinators:AccountsFile"] ?? Path.Combine(configuration["DataPath"] ?? "data", CoordinatorAccounts.FileName));
    }
}
