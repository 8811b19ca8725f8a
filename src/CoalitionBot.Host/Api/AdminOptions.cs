namespace CoalitionBot.Host.Api;

/// <summary>The coordinators' API (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>
    /// The key coordinators send as <c>Authorization: Bearer …</c> for /api/feedback (and later
    /// /api/actions, /api/onboarding). Unset: those routes refuse everyone with 403.
    /// </summary>
    public string? ApiKey { get; set; }
}
