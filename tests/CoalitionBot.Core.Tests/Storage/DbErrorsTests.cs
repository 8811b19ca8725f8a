using CoalitionBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Tests.Storage;

/// <summary>Only a unique-key violation is "already there"; any other database error must surface.</summary>
public sealed class DbErrorsTests
{
    [Theory]
    [InlineData(19, 2067, true)]    // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(19, 1555, true)]    // SQLITE_CONSTRAINT_PRIMARYKEY
    [InlineData(19, 787, false)]    // SQLITE_CONSTRAINT_FOREIGNKEY: a bug, not a duplicate
    [InlineData(5, 5, false)]       // SQLITE_BUSY: locked
    [InlineData(13, 13, false)]     // SQLITE_FULL: disk full
    [InlineData(8, 8, false)]       // SQLITE_READONLY
    public void OnlyAUniqueKeyViolationIsADuplicate(int code, int extended, bool duplicate) =>
        Assert.Equal(duplicate, new DbUpdateException("save failed", new SqliteException("sqlite said no", code, extended)).IsDuplicate());

    [Fact]
    public async Task ARealDuplicateRowIsRecognised()
    {
        using var folder = new CoalitionBot.Tests.Support.TempFolder();
        var options = new DbContextOptionsBuilder<Probe>().UseSqlite($"Data Source={Path.Combine(folder.Path, "probe.db")}").Options;
        await using (var db = new Probe(options))
        {
            await db.Database.EnsureCreatedAsync();
            db.Add(new ProbeRow { Key = "welcome:slack:U1" });
            await db.SaveChangesAsync();
        }
        await using var again = new Probe(options);
        again.Add(new ProbeRow { Key = "welcome:slack:U1" });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());

        Assert.True(refused.IsDuplicate());
    }

    private sealed class Probe(DbContextOptions<Probe> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<ProbeRow>().HasKey(r => r.Key);
    }

    private sealed class ProbeRow
    {
        public required string Key { get; set; }
    }
}
