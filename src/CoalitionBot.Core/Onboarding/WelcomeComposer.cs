using CoalitionBot.Conversation;
using CoalitionBot.Reminders;

namespace CoalitionBot.Onboarding;

/// <summary>Writes the welcome a new member's delivery carries (scheduled by <see cref="OnboardingService.WelcomeAsync"/>).</summary>
public sealed class WelcomeComposer(OnboardingService onboarding) : IDeliveryComposer
{
    public const string Name = "onboarding.welcome";

    public string Kind => Name;

    public Task<Reply?> ComposeAsync(Delivery delivery, CancellationToken cancellationToken) => Task.FromResult<Reply?>(onboarding.WelcomeReply());
}
