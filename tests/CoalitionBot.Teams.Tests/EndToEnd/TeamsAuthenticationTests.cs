using System.Net;
using CoalitionBot.Teams.Tests.Support;

namespace CoalitionBot.Teams.Tests.EndToEnd;

/// <summary>With Teams:MicrosoftAppId set, activities must carry a Bot Framework token.</summary>
public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private TeamsConversation _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsConversation.StartAsync(microsoftAppId: "00000000-0000-4000-8000-0000000000b0");

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task ActivityWithoutATokenIs401AndUnanswered()
    {
        var activity = TeamsActivities.PersonalMessage(_teams.ServiceUrl, "What can diaspora groups do in a crisis?");

        var response = await _teams.SendAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_teams.Connector.Calls);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImZvcmdlZCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMGIwIiwiZXhwIjo0MTAyNDQ0ODAwLCJzZXJ2aWNldXJsIjoiaHR0cDovLzEyNy4wLjAuMS8ifQ.c2lnbmF0dXJl")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task ActivityWithAMalformedOrForgedTokenIs401AndUnanswered(string authorization)
    {
        var activity = TeamsActivities.PersonalMessage(_teams.ServiceUrl, "What can diaspora groups do in a crisis?");

        var response = await _teams.SendAsync(activity, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_teams.Connector.Calls);
    }
}
