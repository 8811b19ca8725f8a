using System.Text.Json.Nodes;
using CoalitionBot.Slack.WebApi;

namespace CoalitionBot.Slack.Tests.WebApi;

/// <summary>The transport under every method: tokens, URLs, ok/error, HTTP statuses and 429 retries.</summary>
public sealed class SlackApiClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OkFalseBecomesSlackApiExceptionWithTheErrorCodeAndMethod()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyError("chat.postMessage", "channel_not_found");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => slack.Client.PostMessageAsync(new SlackMessage("C404", "hi"), None));

        Assert.Equal("channel_not_found", e.Error);
        Assert.Equal("chat.postMessage", e.Method);
        Assert.Contains("channel_not_found", e.Message, StringComparison.Ordinal);
        Assert.Contains("chat.postMessage", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackApiHarness.BotToken, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingScopeNamesTheNeededAndProvidedScopes()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyError("users.info", "missing_scope", new JsonObject { ["needed"] = "users:read", ["provided"] = "chat:write,im:write" });

        var e = await Assert.ThrowsAsync<SlackApiException>(() => slack.Client.UserInfoAsync("U1", None));

        Assert.Equal("missing_scope", e.Error);
        Assert.Equal("users:read", e.Needed);
        Assert.Equal("chat:write,im:write", e.Provided);
        Assert.Contains("users:read", e.Message, StringComparison.Ordinal);
        Assert.Contains("chat:write,im:write", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseMetadataMessagesExplainTheError()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyError("chat.update", "invalid_blocks", new JsonObject
        {
            ["response_metadata"] = new JsonObject { ["messages"] = new JsonArray("[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]") },
        });

        var e = await Assert.ThrowsAsync<SlackApiException>(() => slack.Client.UpdateMessageAsync("C1", "1.2", "hi", [], None));

        Assert.Single(e.Details);
        Assert.Contains("json-pointer:/blocks/0/text/text", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(503)]
    public async Task StatusOtherThan200Or429BecomesHttpError(int status)
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyStatus("auth.test", status, "<html>gateway</html>");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => slack.Client.AuthTestAsync(None));

        Assert.Equal($"http_{status}", e.Error);
        Assert.Equal("auth.test", e.Method);
        Assert.Single(slack.Api.Calls);
    }

    [Fact]
    public async Task BodyThatIsNotJsonBecomesInvalidResponse()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyStatus("auth.test", 200, "not json");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => slack.Client.AuthTestAsync(None));

        Assert.Equal("invalid_response", e.Error);
    }

    [Fact]
    public async Task RateLimitedCallWaitsOutRetryAfterThenPostsTheMessageOnce()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyRateLimited("chat.postMessage", retryAfter: "5");

        var post = slack.Client.PostMessageAsync(new SlackMessage("C1", "hello"), None);
        await slack.Time.TimerCreatedAsync();

        Assert.Single(slack.Api.Calls);
        slack.Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(post.IsCompleted);
        Assert.Single(slack.Api.Calls);

        slack.Time.Advance(TimeSpan.FromMilliseconds(1));
        var posted = await post.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("C1", posted.Channel);
        Assert.Equal(2, slack.Api.Calls.Count);
        Assert.All(slack.Api.Calls, c => Assert.Equal("hello", c.Json["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UpdateThatMeetsAGatewayOutageIsMadeAgainAfterABackoff()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyStatus("chat.update", 503, "<html>unavailable</html>");

        var update = slack.Client.UpdateMessageAsync("C1", "1.2", "the answer", [], None);
        await slack.Time.TimerCreatedAsync();
        Assert.Single(slack.Api.Calls);
        slack.Time.Advance(TimeSpan.FromSeconds(1));
        await update.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, slack.Api.Calls.Count);
        Assert.All(slack.Api.Calls, c => Assert.Equal("the answer", c.Json["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RateLimitWithoutRetryAfterWaitsOneSecond()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyRateLimited("auth.test", retryAfter: null)
            .ReplyOk("auth.test", new JsonObject { ["user_id"] = "UBOT", ["team_id"] = "T1" });

        var call = slack.Client.AuthTestAsync(None);
        await slack.Time.TimerCreatedAsync();
        slack.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(call.IsCompleted);

        slack.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("UBOT", (await call.WaitAsync(TimeSpan.FromSeconds(30))).UserId);
    }

    [Fact]
    public async Task RateLimitedPastTheRetryLimitThrowsRatelimited()
    {
        await using var slack = await SlackApiHarness.StartAsync(o => o.RateLimitRetries = 2);
        for (var i = 0; i < 3; i++)
        {
            slack.Api.ReplyRateLimited("users.info", retryAfter: "0");
        }
        slack.Api.ReplyOk("users.info");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => slack.Client.UserInfoAsync("U1", None));

        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(3, slack.Api.Calls.Count);
    }

    [Fact]
    public async Task CancellingWhileWaitingOutARateLimitStopsTheCall()
    {
        await using var slack = await SlackApiHarness.StartAsync();
        slack.Api.ReplyRateLimited("auth.test", retryAfter: "30");
        using var cancel = new CancellationTokenSource();

        var call = slack.Client.AuthTestAsync(cancel.Token);
        await slack.Time.TimerCreatedAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(slack.Api.Calls);
    }

    [Fact]
    public async Task MethodUrlComesFromApiBaseUrlWhateverTheHttpClientBaseAddress()
    {
        var elsewhere = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/not-slack/") };
        await using var slack = await SlackApiHarness.StartAsync(o => o.ApiBaseUrl = o.ApiBaseUrl.TrimEnd('/'), elsewhere);
        slack.Api.ReplyOk("auth.test", new JsonObject { ["user_id"] = "UBOT", ["bot_id"] = "B1", ["team_id"] = "T1" });

        var me = await slack.Client.AuthTestAsync(None);

        Assert.Equal(new SlackIdentity("UBOT", "B1", "T1"), me);
        Assert.Equal("auth.test", Assert.Single(slack.Api.Calls).Method);
    }

    [Fact]
    public async Task MissingBotTokenIsAConfigurationErrorThatNamesTheSetting()
    {
        await using var slack = await SlackApiHarness.StartAsync(o => o.BotToken = null);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => slack.Client.AuthTestAsync(None));

        Assert.Contains("Slack:BotToken", e.Message, StringComparison.Ordinal);
        Assert.Empty(slack.Api.Calls);
    }
}
