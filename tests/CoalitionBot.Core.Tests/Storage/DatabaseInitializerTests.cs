using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Tests.Storage;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task TablesANewerVersionBringsAreAddedToAnOlderDatabaseWithoutLosingItsData()
    {
        using var database = new TestDatabase();
        var contexts = database.NewFactory();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // An older version's file: it had answers, but no deliveries table yet.
            db.AnsweredQuestions.Add(new CoalitionBot.Conversation.AnsweredQuestion { Id = Guid.NewGuid(), Platform = "slack", UserId = "U1", ConversationId = "D1", Question = "q", AnswerText = "a", CitationsJson = "[]" });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE Delivery");
        }

        await new DatabaseInitializer(contexts).StartAsync(CancellationToken.None);
        await new DatabaseInitializer(contexts).StartAsync(CancellationToken.None);

        await using var after = await contexts.CreateDbContextAsync();
        Assert.Equal(1, await after.AnsweredQuestions.CountAsync());
        Assert.Equal(0, await after.Set<Delivery>().CountAsync());
    }

    [Fact]
    public async Task NullableColumnsANewerVersionBringsAreAddedToExistingTables()
    {
        using var database = new TestDatabase();
        var contexts = database.NewFactory();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
            // An older version's Delivery table, before SendingSince.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Delivery DROP COLUMN SendingSince");
        }

        await new DatabaseInitializer(contexts).StartAsync(CancellationToken.None);
        await new DatabaseInitializer(contexts).StartAsync(CancellationToken.None);

        await new DeliveryScheduler(contexts).ScheduleAsync([new Delivery { Key = "k", Group = "g", Kind = "x", Platform = "slack", SendingSince = DateTimeOffset.UnixEpoch }], CancellationToken.None);
        await using var after = await contexts.CreateDbContextAsync();
        Assert.Equal(DateTimeOffset.UnixEpoch, (await after.Set<Delivery>().SingleAsync()).SendingSince);
    }
}
