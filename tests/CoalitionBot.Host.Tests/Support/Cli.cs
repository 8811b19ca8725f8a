using CoalitionBot.Host.Cli;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Host.Tests.Support;

/// <summary>Runs the executable's verbs in-process over a copy of the seeds, capturing what a terminal would show.</summary>
public sealed class Cli : IDisposable
{
    private readonly TempFolder _seeds = TempFolder.WithSeeds();
    private readonly TempFolder _data = new();

    public string SourceFolder => _seeds.Path;

    public string DataPath => _data.Path;

    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // Lexical unless a test asks for the local model (the CI eval runs the default).
        string[] all = ["--AI:Embeddings=None", .. args, $"--DataPath={_data.Path}", $"--Knowledge:SourceFolders:0={_seeds.Path}"];
        var exitCode = await CliVerbs.RunAsync(all, new CliConsole(new StringReader(input), output, error));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public void Dispose()
    {
        _seeds.Dispose();
        _data.Dispose();
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Asserts the exit code, showing what the verb printed when it differs.</summary>
    public CliResult Exited(int expected)
    {
        Assert.True(ExitCode == expected, $"exit code {ExitCode}, expected {expected}.\nstdout: {Output}\nstderr: {Error}");
        return this;
    }
}
