using System.Security.Cryptography;
using System.Text;

namespace CoalitionBot.Onboarding;

/// <summary>A guided tour of the library for new staff: steps, each answered live from the documents.</summary>
public sealed record OnboardingTrack(string Id, string Name, string? Intro, IReadOnlyList<OnboardingStep> Steps);

/// <summary>One step: a title, a short intro, the questions the library answers for it, and maybe something to do.</summary>
public sealed record OnboardingStep(string Id, string Title, string? Intro, IReadOnlyList<string> Questions, string? Checklist)
{
    /// <summary>Changes whenever the step is edited, so a button from an older version is recognised as such.</summary>
    public string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', [Id, Title, Intro ?? "", Checklist ?? "", .. Questions]))))[..8];
}
