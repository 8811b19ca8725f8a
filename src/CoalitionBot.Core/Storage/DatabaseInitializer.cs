using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Storage;

/// <summary>
/// Creates the database on first start, and adds the tables and indexes that a newer version brings
/// to a database an older version created (EnsureCreated alone leaves an existing file as it is).
/// New columns on existing tables need migrations; none has been needed yet.
/// </summary>
internal sealed partial class DatabaseInitializer(IDbContextFactory<CoalitionDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            return;
        }
        var script = CreateStatement().Replace(db.Database.GenerateCreateScript(), "CREATE $1$2 IF NOT EXISTS ");
        foreach (var statement in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [GeneratedRegex(@"CREATE (UNIQUE )?(TABLE|INDEX) ")]
    private static partial Regex CreateStatement();
}
