using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.Support;

/// <summary>A real SQLite file in a temp folder; several factories on one file stand for several processes.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<ServiceProvider> _providers = [];

    public TestDatabase()
    {
        using var db = NewFactory().CreateDbContext();
        db.Database.EnsureCreated();
    }

    public string ConnectionString => $"Data Source={Path.Combine(_folder.Path, "coalitionbot.db")}";

    /// <summary>A separate factory (as a second host process would have) on the same file.</summary>
    public IDbContextFactory<CoalitionDbContext> NewFactory()
    {
        var provider = new ServiceCollection().AddDbContextFactory<CoalitionDbContext>(o => o.UseSqlite(ConnectionString)).BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IDbContextFactory<CoalitionDbContext>>();
    }

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
