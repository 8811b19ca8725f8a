using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using CoalitionBot.Host.Api;
using CoalitionBot.Host.Coordinators;

namespace CoalitionBot.Host.Pages.Coordinators;

/// <summary>The sign-in form: a name and password from the coordinators' accounts; locked out after repeated wrong passwords.</summary>
[EnableRateLimiting(RateLimits.SignIns)]
public sealed class SignInModel(CoordinatorAccounts accounts, SignInLockout lockout, TimeProvider time) : PageModel
{
    internal const string WrongPassword = "That name and password do not match an account. Check both and try again.";

    public string? Error { get; private set; }

    public string? Name { get; private set; }

    public string ReturnUrl { get; private set; } = CoordinatorAuth.Home;

    public bool HasAccounts => accounts.Any();

    public void OnGet(string? returnUrl) => ReturnUrl = CoordinatorAuth.SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        ReturnUrl = CoordinatorAuth.SafeReturn(returnUrl);
        Name = name?.Trim();
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrEmpty(password) || Name.Length > CoordinatorAccounts.MaxName)
        {
            Error = "Give your name and your password.";
            return Page();
        }
        if (lockout.LockedUntil(Name) is { } until)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalMinutes));
            Error = $"Too many wrong passwords for this name: it is locked for {minutes} more minute{(minutes == 1 ? "" : "s")}. Try again later, or ask another coordinator.";
            return Page();
        }
        // An unknown name is checked against a decoy hash, so it takes as long as a known one and tells nothing.
        var hash = accounts.HashOf(Name);
        if (!CoordinatorPassword.Verify(password, hash ?? CoordinatorPassword.Decoy) || hash is null)
        {
            lockout.Failed(Name);
            Error = WrongPassword;
            return Page();
        }
        lockout.Succeeded(Name);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Name)], CoordinatorAuth.Scheme);
        await HttpContext.SignInAsync(CoordinatorAuth.Scheme, new ClaimsPrincipal(identity));
        return LocalRedirect(ReturnUrl);
    }
}
