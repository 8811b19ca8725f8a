using CoalitionBot.AI;
using CoalitionBot.Knowledge;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using CoalitionBot.Actions;
using CoalitionBot.Conversation;
using CoalitionBot.Onboarding;
using CoalitionBot.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot;

public static class CoreExtensions
{
    /// <summary>Everything platform-neutral: storage, the knowledge base, the conversation engine, actions, reminders and onboarding.</summary>
    public static IHostApplicationBuilder AddCoalitionBotCore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddKnowledge();
        builder.AddAI();                 // registers nothing unless AI:Provider is set
        builder.AddConversation();
        builder.AddReminders();
        builder.AddOrganisations();
        builder.AddActions();
        builder.AddOnboarding();
        return builder;
    }
}
