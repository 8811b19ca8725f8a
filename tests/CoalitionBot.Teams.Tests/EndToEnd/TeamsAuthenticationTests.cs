using System.Net;
using System.Text;
using CoalitionBot.Teams.Tests.Support;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>With Teams:MicrosoftAppId set, activities must carry a Bot Framework token.</summary>
public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;
    private TeamsHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _host = new TeamsHost(microsoftAppId: "00000000-0000-4000-8000-0000000000b0");
        _client = await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ActivityWithoutATokenIs401AndUnanswered()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "What can diaspora groups do in a crisis?");

        var response = await _client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImZvcmdlZCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMGIwIiwiZXhwIjo0MTAyNDQ0ODAwLCJzZXJ2aWNldXJsIjoiaHR0cDovLzEyNy4wLjAuMS8ifQ.c2lnbmF0dXJl")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task ActivityWithAMalformedOrForgedTokenIs401AndUnanswered(string authorization)
    {
        var activity = TeamsActivities.PersonalMessage(_connector.ServiceUrl, "What can diaspora groups do in a crisis?");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }
}
