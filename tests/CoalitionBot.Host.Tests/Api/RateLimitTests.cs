using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoalitionBot.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoalitionBot.Host.Tests.Api;

/// <summary>Questions per client on /api/ask and /api/chat: past RateLimits:QuestionsPerWindow, 429 with Retry-After.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly CoalitionBotApplication _app = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        // An hour's window: no test run crosses it, so the count is the only thing that matters.
        _host = _app.WithWebHostBuilder(b => b.UseSetting("RateLimits:QuestionsPerWindow", "3").UseSetting("RateLimits:Window", "01:00:00"));
        _client = await CoalitionBotApplication.ReadyClientAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task PastTheLimitAClientIsToldToWaitAndOthersAreNot()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/ask", new { question = "What can diaspora groups do in a crisis?" })).StatusCode);
        }
        // The web chat counts against the same limit.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/chat", new { conversation = "c-1", text = "What is a sign-on letter?" })).StatusCode);

        var refused = await _client.PostAsJsonAsync("/api/ask", new { question = "What can diaspora groups do in a crisis?" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("Too many questions", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);

        var elsewhere = await _host.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.4");
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/api/ask";
            context.Request.ContentType = "application/json";
            var body = Encoding.UTF8.GetBytes("""{"question": "What can diaspora groups do in a crisis?"}""");
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            // The in-process server decided "no body" before this callback: say there is one.
            context.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });
        Assert.Equal(StatusCodes.Status200OK, elsewhere.Response.StatusCode);
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
