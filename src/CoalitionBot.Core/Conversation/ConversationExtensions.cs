using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoalitionBot.Conversation;

public static class ConversationExtensions
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration("Conversation");
        builder.Services.AddOptions<AskCoordinatorsOptions>().BindConfiguration("AskCoordinators");
        builder.Services.AddSingleton<CoordinatorQuestions>();
        builder.Services.AddSingleton<ConversationEngine>();
        builder.Services.AddSingleton<InteractionHandler>();
        builder.Services.TryAddSingleton<SendPacer>();
        builder.Services.AddSingleton<ReceivedEvents>();
        builder.Services.AddSingleton<FeedbackReport>();
        builder.Services.AddSingleton<UnansweredQuestions>();   // the coordinators' Questions page
        return builder;
    }
}
