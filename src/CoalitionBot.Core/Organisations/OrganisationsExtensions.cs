using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Organisations;

public static class OrganisationsExtensions
{
    /// <summary>The directory of member organisations and its CSV import.</summary>
    public static IHostApplicationBuilder AddOrganisations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrganisationDirectory>();
        builder.Services.AddSingleton<OrganisationImport>();
        return builder;
    }
}
