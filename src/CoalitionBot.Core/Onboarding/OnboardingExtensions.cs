using CoalitionBot.Knowledge;
using CoalitionBot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Onboarding;

public static class OnboardingExtensions
{
    /// <summary>Onboarding: the tracks (read and checked at start-up), progress, welcomes.</summary>
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OnboardingOptions>().BindConfiguration("Onboarding");
        builder.Services.AddSingleton(sp => LoadTracks(sp.GetRequiredService<IOptions<OnboardingOptions>>().Value, sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
        builder.Services.AddSingleton<OnboardingService>();
        builder.Services.AddSingleton<IDeliveryComposer, WelcomeComposer>();
        builder.Services.AddHostedService<TracksCheck>();
        return builder;
    }

    /// <summary>The file named in the options, else the first onboarding.yaml in a source folder, else no tracks.</summary>
    private static OnboardingTracks LoadTracks(OnboardingOptions options, KnowledgeOptions knowledge)
    {
        if (options.TracksFile is { } file)
        {
            return File.Exists(file)
                ? OnboardingTracks.Load(file)
                : throw new FileNotFoundException($"The onboarding tracks '{Path.GetFullPath(file)}' set in Onboarding:TracksFile do not exist.", file);
        }
        var found = knowledge.EffectiveSourceFolders.Select(folder => Path.Combine(folder, "onboarding.yaml")).FirstOrDefault(File.Exists);
        return found is null ? OnboardingTracks.None : OnboardingTracks.Load(found);
    }

    /// <summary>Reads the tracks as the server starts, so a malformed file stops it with the file and line instead of failing a new member later.</summary>
    private sealed class TracksCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<OnboardingTracks>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
