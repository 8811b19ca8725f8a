using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CoalitionBot.Host.Coordinators;

namespace CoalitionBot.Host.Pages.Coordinators;

/// <summary>Signing out is a POST with the antiforgery token (a link could be followed by another site's page).</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CoordinatorAuth.Scheme);
        return Redirect(CoordinatorAuth.SignInPath);
    }
}
