using CoalitionBot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Actions;

public static class ActionsExtensions
{
    /// <summary>Joint actions: the service and the composers of their broadcasts, reminders and summaries.</summary>
    public static IHostApplicationBuilder AddActions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ActionsOptions>().BindConfiguration("Actions");
        builder.Services.AddSingleton<ActionService>();
        builder.Services.AddSingleton<ActionCommands>();
        builder.Services.AddSingleton<ActionAnswersReport>();   // the coordinators' workspace: answers, pending, the paste block
        builder.Services.AddSingleton<ActionInteractions>();
        builder.Services.AddHostedService<DeadlineReaderWarmUp>();
        builder.Services.AddSingleton<IDeliveryComposer, BroadcastComposer>();
        builder.Services.AddSingleton<IDeliveryComposer, ReminderComposer>();
        builder.Services.AddSingleton<IDeliveryComposer, SummaryComposer>();
        builder.Services.AddSingleton<IDeliveryComposer, LaterReminderComposer>();
        builder.Services.AddSingleton<IDeliveryComposer, MemberReminderComposer>();
        builder.Services.AddSingleton<IDeliveryComposer, NoticeComposer>();
        return builder;
    }
}
