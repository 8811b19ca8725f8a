using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Storage;

/// <summary>
/// Creates the database on first start, and adds the tables, indexes and nullable columns that a
/// newer version brings to a database an older version created (EnsureCreated alone leaves an
/// existing file as it is). Anything else (a renamed or required column) would need a migration.
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
        await AddMissingColumnsAsync(db, cancellationToken);
    }

    private static async Task AddMissingColumnsAsync(CoalitionDbContext db, CancellationToken cancellationToken)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }
            var existing = await db.Database
                .SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info({0})", table)
                .ToListAsync(cancellationToken);
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.IsNullable))
            {
                if (property.GetColumnName(store) is { } column && !existing.Contains(column, StringComparer.OrdinalIgnoreCase))
                {
#pragma warning disable EF1002 // Names come from our own model, not from input.
                    await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{table}\" ADD COLUMN \"{column}\" {property.GetColumnType()} NULL", cancellationToken);
#pragma warning restore EF1002
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [GeneratedRegex(@"CREATE (UNIQUE )?(TABLE|INDEX) ")]
    private static partial Regex CreateStatement();
}
