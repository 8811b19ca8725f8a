using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Reminders;

public static class RemindersExtensions
{
    /// <summary>The schedule of deliveries and the worker that sends them.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RemindersOptions>().BindConfiguration("Reminders").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DeliveryScheduler>();
        builder.Services.AddSingleton<DeliveryRouter>();
        builder.Services.AddSingleton<DeliveryWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return builder;
    }
}
