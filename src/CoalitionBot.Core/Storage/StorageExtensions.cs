using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Storage;

public static class StorageExtensions
{
    /// <summary>The SQLite database at {DataPath}/coalitionbot.db, created on start.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().Configure(o => o.DataPath = builder.Configuration["DataPath"] ?? o.DataPath);
        builder.Services.AddDbContextFactory<CoalitionDbContext>((services, options) =>
        {
            var dataPath = Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath);
            Directory.CreateDirectory(dataPath);
            options.UseSqlite($"Data Source={Path.Combine(dataPath, "coalitionbot.db")}");
        });
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }
}
