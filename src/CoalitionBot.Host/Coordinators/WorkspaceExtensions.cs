using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace CoalitionBot.Host.Coordinators;

/// <summary>The coordinators' workspace: Razor Pages under /coordinators, cookie sign-in, antiforgery on every form.</summary>
internal static class WorkspaceExtensions
{
    public static WebApplicationBuilder AddCoordinatorsWorkspace(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CoordinatorAccounts>();
        builder.Services.AddSingleton<SignInLockout>();
        builder.Services.AddSingleton<WorkspaceLibrary>();
        builder.Services.AddSingleton<KnownConversations>();
        // The cookie's keys live in the data folder, so a restart does not sign everyone out.
        var dataPath = Path.GetFullPath(builder.Configuration["DataPath"] ?? "data");
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys"))).SetApplicationName("CoalitionBot");
        var session = builder.Configuration.GetSection(CoordinatorOptions.Section).Get<CoordinatorOptions>()?.SessionLength ?? TimeSpan.FromHours(8);
        builder.Services.AddAuthentication(CoordinatorAuth.Scheme).AddCookie(CoordinatorAuth.Scheme, cookie =>
        {
            cookie.Cookie.Name = CoordinatorAuth.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;   // Secure whenever the workspace is served over HTTPS
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/coordinators";
            cookie.LoginPath = CoordinatorAuth.SignInPath;
            cookie.AccessDeniedPath = CoordinatorAuth.SignInPath;
            cookie.ExpireTimeSpan = session;
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "CoalitionBot.Antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.Path = "/coordinators";
        });
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Coordinators");
            pages.Conventions.AllowAnonymousToPage("/Coordinators/SignIn");
        });
        return builder;
    }

    public static WebApplication MapCoordinatorsWorkspace(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/coordinators", () => Results.Redirect(CoordinatorAuth.Home)).RequireAuthorization();
        return app;
    }
}
