using CoalitionBot;
using CoalitionBot.Host.Api;
using CoalitionBot.Host.Cli;
using CoalitionBot.Host.Coordinators;
using CoalitionBot.Knowledge;
using CoalitionBot.Slack;
using CoalitionBot.Teams;

// The verbs (ask, index, eval, chat) run without a web server; anything else serves.
if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args, new CliConsole(Console.In, Console.Out, Console.Error));
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = CliVerbs.ServeArguments(args),
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),   // the web chat ships beside the binary
});
builder.WebHost.UseSetting("urls", builder.Configuration["urls"] ?? "http://localhost:5080");
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);   // not every SQL command the delivery worker runs
builder.AddCoalitionBotCore();                       // knowledge base and storage settings
builder.Services.AddHostedService<IndexStartupService>();
builder.Services.AddHostedService<LibraryWatcher>();   // Knowledge:Watch: new and changed documents indexed while running
builder.AddSlack();                                  // registers nothing but a notice unless Slack:BotToken is set
builder.AddTeams();                                  // POST /api/messages; unauthenticated (local testing) until Teams:MicrosoftAppId is set
builder.AddHttpErrors();                             // bad input → 400 { "error": "…" }
builder.AddAdminApi();                               // the coordinators' bearer key (Admin:ApiKey)
builder.AddRateLimits();                             // RateLimits: questions per client on /api/ask and /api/chat
builder.AddCoordinatorsWorkspace();                  // /coordinators: Razor Pages, cookie sign-in (Coordinators:Accounts), antiforgery

var app = builder.Build();
app.UseHttpErrors();
app.UseSecurityHeaders();                            // CSP, nosniff, frame-ancestors 'none', Referrer-Policy on every response
app.UseDefaultFiles();
app.UseStaticFiles();                                // wwwroot: the local web chat
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapHealthApi();
app.MapAskApi();
app.MapChatApi();                                    // POST /api/chat: the web chat's conversation (follow-ups, the tour)
app.MapFeedbackApi();                                // GET /api/feedback for coordinators
app.MapActionsApi();                                 // /api/actions… for coordinators
app.MapOrganisationsApi();                           // /api/organisations… the directory, for coordinators
app.MapOnboardingApi();                              // GET /api/onboarding for coordinators
app.MapSlack();                                      // /slack/events, /slack/commands, /slack/interactivity
app.MapTeams();                                      // /api/messages (Bot Framework)
app.MapCoordinatorsWorkspace();                      // /coordinators… pages for coordinators

try
{
    app.Run();
    return 0;
}
catch (InvalidDataException e)
{
    // A malformed glossary or onboarding file: the message names the file and line; a stack trace would bury it.
    Console.Error.WriteLine($"CoalitionBot could not start: {e.Message}");
    return 2;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
