using CoalitionBot.Knowledge;
using CoalitionBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot;

public static class CoreExtensions
{
    /// <summary>Everything platform-neutral: storage settings and the knowledge base.</summary>
    public static IHostApplicationBuilder AddCoalitionBotCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().Configure(o => o.DataPath = builder.Configuration["DataPath"] ?? o.DataPath);
        builder.AddKnowledge();
        return builder;
    }
}
