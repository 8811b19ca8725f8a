namespace CoalitionBot.Host.Coordinators;

/// <summary>The workspace's cookie scheme and addresses.</summary>
internal static class CoordinatorAuth
{
    public const string Scheme = "Coordinators";
    public const string CookieName = "CoalitionBot.Coordinator";
    public const string SignInPath = "/coordinators/sign-in";
    public const string SignOutPath = "/coordinators/sign-out";
    public const string Home = "/coordinators/actions";

    /// <summary>A return address that stays inside the workspace, never another site.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith("/coordinators", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : Home;
}
