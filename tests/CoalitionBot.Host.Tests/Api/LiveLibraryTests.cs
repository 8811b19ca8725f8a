using System.Net.Http.Json;
using System.Text.Json;
using CoalitionBot.Host.Tests.Support;
using CoalitionBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CoalitionBot.Host.Tests.Api;

/// <summary>
/// The running host and its source folder, as a coordinator uses them: a PDF copied in is answered
/// without a restart, a broken file beside it changes nothing else, a deleted one leaves.
/// Waits are bounded polls of /healthz (at most 30 seconds), never a fixed sleep.
/// </summary>
public sealed class LiveLibraryTests : IAsyncLifetime
{
    private const string Question = "How do member organisations report on the winter shelter programme?";
    private readonly CoalitionBotApplication _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var host = _app.WithWebHostBuilder(b => b.UseSetting("Knowledge:WatchDebounce", "00:00:00.200").UseSetting("Knowledge:RescanInterval", "00:00:02"));
        _client = await CoalitionBotApplication.ReadyClientAsync(host);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APdfCopiedIntoTheRunningHostsLibraryIsAnsweredAndLeavesWhenDeleted()
    {
        Assert.False((await AskAsync()).GetProperty("found").GetBoolean());

        await File.WriteAllBytesAsync(Path.Combine(_app.SourceFolder, "broken.pdf"), "%PDF-1.7\n1 0 obj <<"u8.ToArray());
        var pdf = Path.Combine(_app.SourceFolder, "shelter.pdf");
        await File.WriteAllBytesAsync(pdf, DocumentFiles.Pdf("Winter shelter programme",
        [
            DocBlock.H("Winter shelter programme"),
            DocBlock.P("Member organisations report on the winter shelter programme every month, with the number of nights offered and the families turned away."),
        ]));
        var health = await HealthWhenAsync(h => h.GetProperty("documents").GetInt32() == 6 && h.GetProperty("unreadable").GetInt32() == 1);

        var answer = await AskAsync();
        Assert.True(answer.GetProperty("found").GetBoolean());
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal("shelter.pdf", citation.GetProperty("document").GetString());
        Assert.Equal(1, citation.GetProperty("page").GetInt32());
        Assert.NotNull(health.GetProperty("lastIndexChange").GetString());

        File.Delete(pdf);
        await HealthWhenAsync(h => h.GetProperty("documents").GetInt32() == 5);
        Assert.False((await AskAsync()).GetProperty("found").GetBoolean());
    }

    private async Task<JsonElement> AskAsync() =>
        await (await _client.PostAsJsonAsync("/api/ask", new { question = Question })).Content.ReadFromJsonAsync<JsonElement>();

    private async Task<JsonElement> HealthWhenAsync(Func<JsonElement, bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var health = await _client.GetFromJsonAsync<JsonElement>("/healthz", limit.Token);
            if (condition(health))
            {
                return health;
            }
            await Task.Delay(100, limit.Token);
        }
    }
}
