using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams.Bot;

/// <summary>Refuses at start-up the registrations Bot Framework would only reject on the first activity, saying what to set.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.IsAuthenticated)
        {
            return ValidateOptionsResult.Success;
        }
        var type = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType;
        if (!AppTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Teams:MicrosoftAppType is '{type}'; use MultiTenant, SingleTenant or UserAssignedMSI, as the Azure Bot registration says.");
        }
        var managedIdentity = type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!managedIdentity && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            return ValidateOptionsResult.Fail("Teams:MicrosoftAppId is set but Teams:MicrosoftAppPassword is not: set the client secret of the bot's Entra app (or unset the app id to run unauthenticated for local testing).");
        }
        if (managedIdentity && !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            return ValidateOptionsResult.Fail("Teams:MicrosoftAppType is UserAssignedMSI, which uses no secret: leave Teams:MicrosoftAppPassword empty.");
        }
        if (!type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            return ValidateOptionsResult.Fail($"Teams:MicrosoftAppType is {type}, which needs Teams:MicrosoftAppTenantId (the Entra tenant of the bot's app).");
        }
        return ValidateOptionsResult.Success;
    }
}
