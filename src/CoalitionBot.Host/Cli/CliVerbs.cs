using System.CommandLine;
using System.Text.RegularExpressions;
using CoalitionBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Host.Cli;

/// <summary>
/// The command line of the one executable. Settings written <c>--Section:Key=value</c> (or
/// <c>--DataPath=…</c>) go to the ASP.NET Core configuration, as they do for the server.
/// </summary>
internal static partial class CliVerbs
{
    /// <summary>Exit code for input the user can fix: an empty or over-long question, a missing file.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for a configuration problem, such as a missing source folder.</summary>
    public const int BadConfiguration = 1;

    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "ask", "index", "library", "eval", "chat", "coordinator", "help", "--help", "-h", "-?", "--version",
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>The server's arguments: "serve" is the default verb, so it is only dropped.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0].Equals("serve", StringComparison.OrdinalIgnoreCase) ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        // System.CommandLine reads ':' and '=' as its own delimiters, so settings are set aside before it parses.
        var run = new CliRun(console, args.Where(a => Setting().IsMatch(a)).ToArray());
        args = args.Where(a => !Setting().IsMatch(a)).ToArray();
        if (args.Length > 0 && args[0].Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            args = ["--help", .. args[1..]];
        }
        var root = new RootCommand("CoalitionBot: answers from the coalition's documents, with citations. With no verb (or 'serve') it runs the server on http://localhost:5080. Settings: --Section:Key=value.")
        {
            AskCommand.Create(run),
            IndexCommand.Create(run),
            LibraryCommand.Create(run),
            EvalCommand.Create(run),
            ChatCommand.Create(run),
            CoordinatorCommand.Create(run),
        };
        // A question may start with '@'; it is not a response file.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// Runs a verb with the core's services and the index brought up to date; configuration
    /// problems (a missing source folder, a malformed glossary) become one clear line and exit code 1.
    /// </summary>
    public static async Task<int> WithIndexAsync(CliRun run, Func<IServiceProvider, Task<int>> verb, bool rebuild = false, Action<IndexUpdate>? updated = null)
    {
        try
        {
            using var host = BuildHost(run.Settings);
            var index = host.Services.GetRequiredService<KnowledgeIndex>();
            void Report(IndexProgress p)
            {
                if (p.Total >= 200 || rebuild)
                {
                    run.Console.Error.Write($"\rIndexing: {p.Done}/{p.Total} documents{(p.Skipped > 0 ? $", {p.Skipped} skipped" : "")}{(p.Done == p.Total ? Environment.NewLine : "")}");
                }
            }
            var update = index.Update(rebuild, Report);
            if (host.Services.GetService<AI.AIAnswering>() is { } ai)
            {
                await ai.UpdateEmbeddingsAsync(CancellationToken.None);
            }
            updated?.Invoke(update);
            return await verb(host.Services);
        }
        catch (Exception e) when (e is OptionsValidationException or DirectoryNotFoundException or InvalidDataException or FileNotFoundException)
        {
            await run.Console.Error.WriteLineAsync(e.Message);
            return BadConfiguration;
        }
    }

    /// <summary>
    /// The core's services for one verb. Logs go to standard error at Warning, so that standard
    /// output carries only the answer (JSON stays parseable).
    /// </summary>
    private static IHost BuildHost(string[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCoalitionBotCore();
        return builder.Build();
    }

    /// <summary>A configuration setting: <c>--Key=value</c> or <c>--Section:Key=value</c>.</summary>
    [GeneratedRegex(@"^--?[A-Za-z][\w.]*(:[\w.]+)*=")]
    private static partial Regex Setting();
}

/// <summary>One invocation: the terminal and the configuration settings given on the command line.</summary>
internal sealed record CliRun(CliConsole Console, string[] Settings);
