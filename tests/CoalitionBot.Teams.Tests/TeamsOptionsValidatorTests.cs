using CoalitionBot.Teams.Bot;
namespace CoalitionBot.Teams.Tests;

public sealed class TeamsOptionsValidatorTests
{
    [Fact]
    public void NoAppIdIsValidAndMeansUnauthenticated()
    {
        var options = new TeamsOptions();

        Assert.True(new TeamsOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsAuthenticated);
    }

    [Theory]
    [InlineData(null, "secret", null, true)]
    [InlineData("MultiTenant", null, null, false)]
    [InlineData("SingleTenant", "secret", null, false)]
    [InlineData("singletenant", "secret", "tenant", true)]
    [InlineData("UserAssignedMSI", null, "tenant", true)]
    [InlineData("UserAssignedMSI", "secret", "tenant", false)]
    [InlineData("Federated", "secret", "tenant", false)]
    public void RegistrationIsCheckedAtStartUp(string? appType, string? password, string? tenant, bool valid)
    {
        var options = new TeamsOptions { MicrosoftAppId = "00000000-0000-4000-8000-0000000000b0", MicrosoftAppType = appType, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Teams:", result.FailureMessage);
        }
    }
}
