using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Reminders;

/// <summary>Puts deliveries on the schedule. Scheduling the same <see cref="Delivery.Key"/> twice stores it once.</summary>
public sealed class DeliveryScheduler(IDbContextFactory<CoalitionDbContext> contexts)
{
    /// <summary>Stores the deliveries whose keys are new; returns how many were stored.</summary>
    public async Task<int> ScheduleAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var delivery in deliveries.DistinctBy(d => d.Key))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            delivery.State = DeliveryState.Pending;
            db.Add(delivery);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored++;
            }
            catch (DbUpdateException e) when (e.IsDuplicate())
            {
                // The unique key refused it: it is on the schedule already.
            }
        }
        return stored;
    }
}
