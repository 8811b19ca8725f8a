using CoalitionBot.Actions;
using CoalitionBot.Organisations;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Tests.Storage;

public sealed class DirectoryTablesInitializerTests
{
    [Fact]
    public async Task TheDirectoryTablesAndLifecycleColumnsAreAddedToADatabaseFromBeforeThem()
    {
        using var database = new TestDatabase();
        var contexts = database.NewFactory();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // The file of the version before issue 14: no directory, no lifecycle columns.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE OrganisationMember");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE OrganisationAlias");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE FocalPoint");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE Organisation");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE AdvocacyAction DROP COLUMN SendAt");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE AdvocacyAction DROP COLUMN CancelledAt");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE AdvocacyAction DROP COLUMN UpdatedAt");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Delivery DROP COLUMN Detail");
        }

        await new DatabaseInitializer(contexts).StartAsync(CancellationToken.None);

        var directory = new OrganisationDirectory(contexts, TimeProvider.System);
        Assert.Null((await directory.CreateAsync(new NewOrganisation("HIAS", "USA"), CancellationToken.None)).Problem);
        await using var after = await contexts.CreateDbContextAsync();
        after.Add(new AdvocacyAction { Id = "act_1", Title = "t", TimeZone = "UTC", ReminderOffsets = "", CreatedBy = "test", CancelledAt = DateTimeOffset.UnixEpoch });
        await after.SaveChangesAsync();
        Assert.Equal(DateTimeOffset.UnixEpoch, (await after.Set<AdvocacyAction>().SingleAsync()).CancelledAt);
    }
}
