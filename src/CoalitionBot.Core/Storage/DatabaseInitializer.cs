using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Storage;

/// <summary>Creates the database on first start. (Migrations replace this once the schema must evolve in place.)</summary>
internal sealed class DatabaseInitializer(IDbContextFactory<CoalitionDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
