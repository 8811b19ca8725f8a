using CoalitionBot.Conversation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoalitionBot.Host.Pages.Coordinators;

/// <summary>The questions the library left open; "Answer it" sends the answer to each member who asked and saves it in the library.</summary>
public sealed class QuestionsModel(UnansweredQuestions report, CoordinatorQuestions coordinators) : PageModel
{
    public const int MaxAnswer = 4_000;

    public IReadOnlyList<UnansweredQuestion> Questions { get; private set; } = [];

    public string? Notice { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(int? sent, int? unreachable, CancellationToken cancellationToken)
    {
        if (sent is not null)
        {
            Notice = $"Answer sent to {sent} member{(sent == 1 ? "" : "s")} where they asked and saved in the library"
                + (unreachable > 0 ? $"; {unreachable} asked where the bot cannot write first (the web chat) and will find it when they ask again." : ".");
        }
        Questions = await report.NewestAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerAsync(string? key, string? answer, CancellationToken cancellationToken)
    {
        Questions = await report.NewestAsync(cancellationToken);
        var question = Questions.FirstOrDefault(q => Key(q) == key);
        if (question is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(answer) || answer.Length > MaxAnswer)
        {
            Errors[key!] = string.IsNullOrWhiteSpace(answer) ? "Write the answer first." : $"Keep the answer under {MaxAnswer} characters; link to a document for more.";
            return Page();
        }
        var (sent, unreachable) = await coordinators.AnswerAsync(question.AnswerIds, $"web:{User.Identity!.Name}", answer, cancellationToken);
        return Redirect($"/coordinators/questions?sent={sent}&unreachable={unreachable}");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(System.Text.Encoding.UTF8.GetBytes(UnansweredQuestions.Csv(await report.NewestAsync(cancellationToken))), "text/csv; charset=utf-8", "unanswered-questions.csv");

    /// <summary>A question group's key in the form: its newest answer id, stable while the page is open.</summary>
    public static string Key(UnansweredQuestion question) => question.AnswerIds.Min().ToString("N");
}
