using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using CoalitionBot.Tests.Support;

namespace CoalitionBot.Slack.Tests.Support;

/// <summary>
/// The built host (CoalitionBot.Host.dll) as its own process on 127.0.0.1, configured through
/// environment variables, so a test can kill it with SIGKILL and start it again on the same data.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public HostProcess(IReadOnlyDictionary<string, string> settings)
    {
        Port = FreePort();
        _environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        _environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        _environment["DOTNET_ENVIRONMENT"] = "Production";
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the host wrote, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host and waits until it answers HTTP (any status: the index may still be building).</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(DotnetPath(), ["exec", HostDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostDll())!,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The host exited at start-up:\n" + Output);
            }
            try
            {
                using var response = await http.GetAsync("healthz", timeout.Token);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
                // One probe timed out; the next may not.
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or an OOM kill would end it.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    /// <summary>The host built in the same configuration as these tests.</summary>
    private static string HostDll()
    {
        var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepoPaths.Root, "src", "CoalitionBot.Host", "bin", configuration, "net10.0", "CoalitionBot.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first (dotnet build).", dll);
    }
}
