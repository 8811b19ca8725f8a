using System.Net;
using Microsoft.AspNetCore.Http;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>
/// The member's side of Teams against the whole host: activities POSTed to /api/messages as Teams does, with the fake
/// Bot Connector as their serviceUrl, so every message the bot sends back is recorded there.
/// </summary>
public sealed class TeamsConversation : IAsyncDisposable
{
    private readonly HttpClient _client;
    private int _ids;

    private TeamsConversation(FakeBotConnector connector, TeamsHost host, HttpClient client)
    {
        Connector = connector;
        Host = host;
        _client = client;
    }

    public FakeBotConnector Connector { get; }

    public TeamsHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public string ServiceUrl => Connector.ServiceUrl;

    /// <summary>Starts the fake connector, then the host (see <see cref="TeamsHost"/> for the arguments).</summary>
    public static async Task<TeamsConversation> StartAsync(IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null, string? microsoftAppId = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        var host = new TeamsHost(microsoftAppId, settings, time);
        return new TeamsConversation(connector, host, await host.StartAsync());
    }

    /// <summary>A fresh activity id, so that no two activities of a test look like the same one to the bot.</summary>
    public string NextId() => $"17640001{Interlocked.Increment(ref _ids):D5}";

    /// <summary>POSTs the activity and returns the host's answer, whatever its status.</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject activity, string? authorization = null) => SendAsync(activity.ToJsonString(), authorization);

    /// <summary>POSTs <paramref name="body"/> as it is, even when no activity, with the Authorization header if given.</summary>
    public async Task<HttpResponseMessage> SendAsync(string body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            // Without validation: the malformed values are the point of some tests.
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await _client.SendAsync(request);
    }

    /// <summary>POSTs the activity as a peer at <paramref name="remote"/> would (the in-process server has no real peer address).</summary>
    public async Task<HttpContext> SendFromAsync(System.Net.IPAddress remote, JsonObject activity, params (string Name, string Value)[] headers)
    {
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        return await Host.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = remote;
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/api/messages";
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(body);
            foreach (var (name, value) in headers)
            {
                context.Request.Headers[name] = value;
            }
        });
    }

    /// <summary>POSTs the activity and expects it accepted.</summary>
    public async Task PostAsync(JsonObject activity)
    {
        var response = await SendAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>POSTs the activity and returns every call the bot made to the connector in that turn.</summary>
    public async Task<List<ConnectorCall>> RepliesToAsync(JsonObject activity)
    {
        var before = Connector.Calls.Count;
        await PostAsync(activity);
        // CloudAdapter answers the POST only after the turn's sends: the replies are already recorded.
        return Connector.Calls.Skip(before).ToList();
    }

    /// <summary>POSTs the activity and returns the bot's one reply.</summary>
    public async Task<ConnectorCall> ReplyToAsync(JsonObject activity) => Assert.Single(await RepliesToAsync(activity));

    /// <summary>
    /// Says <paramref name="text"/> in the personal chat and returns the bot's one reply; <paramref name="change"/>, if
    /// given, alters the activity first (another sender, another conversation).
    /// </summary>
    public async Task<ConnectorCall> SayAsync(string text, Action<JsonObject>? change = null)
    {
        var activity = TeamsActivities.PersonalMessage(ServiceUrl, text, id: NextId());
        change?.Invoke(activity);
        return await ReplyToAsync(activity);
    }

    /// <summary>The click on an Action.Submit whose data (inputs merged) is <paramref name="data"/>, on the card <paramref name="replyToId"/>.</summary>
    public JsonObject Click(JsonObject data, string replyToId, Action<JsonObject>? change = null)
    {
        // A copy: the same button may be clicked twice, and the activity must not own the test's node.
        var activity = TeamsActivities.Submit(ServiceUrl, (JsonObject)data.DeepClone(), replyToId, id: NextId());
        change?.Invoke(activity);
        return activity;
    }

    /// <summary>Clicks (see <see cref="Click"/>) and returns the bot's one reply.</summary>
    public Task<ConnectorCall> ClickAsync(JsonObject data, string replyToId, Action<JsonObject>? change = null) =>
        ReplyToAsync(Click(data, replyToId, change));

    /// <summary>Installs the bot in the personal chat, which stores the member's reference; returns the bot's introduction.</summary>
    public Task<ConnectorCall> InstallAsync() => ReplyToAsync(TeamsActivities.BotInstalled(ServiceUrl));

    public Task<CoalitionDbContext> Db() =>
        Services.GetRequiredService<IDbContextFactory<CoalitionDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
