using CoalitionBot.AI;
using CoalitionBot.Conversation;
using CoalitionBot.Knowledge;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Onboarding;

/// <summary>
/// Walks a member through a track, one step a message: the step's intro and its questions answered
/// live from the library with citations, then Back / Next / Ask about this / Stop (and the step's
/// checklist item). Progress is stored per member and track; any button from an older message or an
/// edited track gets a clear word and the step the member is really on.
/// </summary>
public sealed class OnboardingService(
    OnboardingTracks tracks,
    AnswerService answers,
    IDbContextFactory<CoalitionDbContext> contexts,
    IOptions<OnboardingOptions> options,
    TimeProvider time)
{
    /// <summary>The value of a "start the tour" button that means whichever track is the default.</summary>
    public const string DefaultTrackValue = "default";

    public IReadOnlyList<OnboardingTrack> Tracks => tracks.All;

    /// <summary>Starts the named track (the default one without a name), or resumes it where the member left it.</summary>
    public async Task<Reply> StartAsync(string platform, string userId, string? trackName, CancellationToken cancellationToken)
    {
        var track = tracks.Find(trackName is { Length: > 0 } ? trackName : options.Value.DefaultTrack) ?? (trackName is null ? tracks.All.FirstOrDefault() : null);
        if (track is null)
        {
            return tracks.All.Count == 0
                ? Problem("There is no onboarding track yet: the coordinators can add one to onboarding.yaml.")
                : Problem($"There is no onboarding track called “{trackName}”. Tracks: {string.Join(", ", tracks.All.Select(t => $"“{t.Name}” ({t.Id})"))}.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var progress = await db.Set<OnboardingProgress>().SingleOrDefaultAsync(p => p.Platform == platform && p.UserId == userId && p.TrackId == track.Id, cancellationToken);
        var now = time.GetUtcNow();
        string? note;
        if (progress is null)
        {
            progress = new OnboardingProgress { Platform = platform, UserId = userId, TrackId = track.Id, StepId = track.Steps[0].Id, StartedAt = now };
            db.Add(progress);
            note = track.Intro;
        }
        else if (progress.CompletedAt is not null)
        {
            progress.StepId = track.Steps[0].Id;
            progress.CompletedAt = null;
            note = "You finished this track before; here it is again from the start.";
        }
        else
        {
            note = $"Welcome back: you were at step {IndexOf(track, progress.StepId) + 1} of {track.Steps.Count}.";
        }
        progress.PausedAt = null;
        progress.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (progress.Id == 0 && e.IsDuplicate())
        {
            // A double click on "Start the tour": the other click started it; show where it stands.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            progress = await again.Set<OnboardingProgress>().SingleAsync(p => p.Platform == platform && p.UserId == userId && p.TrackId == track.Id, cancellationToken);
        }
        return await StepAsync(track, progress, note, cancellationToken);
    }

    /// <summary>"continue onboarding": the step the member was on in their most recent unfinished track.</summary>
    public async Task<Reply> ContinueAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var progress = await db.Set<OnboardingProgress>()
            .Where(p => p.Platform == platform && p.UserId == userId && p.CompletedAt == null)
            .OrderByDescending(p => p.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return progress is null || tracks.Find(progress.TrackId) is null
            ? await StartAsync(platform, userId, null, cancellationToken)
            : await StartAsync(platform, userId, progress.TrackId, cancellationToken);
    }

    /// <summary>A click on a step's button; <paramref name="value"/> names the track, step and its version.</summary>
    public async Task<Reply> ClickAsync(string platform, string userId, string action, string value, CancellationToken cancellationToken)
    {
        if (action == ReplyActions.OnboardStart)
        {
            return await StartAsync(platform, userId, value is "" or DefaultTrackValue ? null : value, cancellationToken);
        }
        var (trackId, stepId, version) = ParseValue(value);
        if (tracks.Find(trackId) is not { } track)
        {
            return Problem("That onboarding track no longer exists. Say “onboard” to see where to start.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var progress = await db.Set<OnboardingProgress>().SingleOrDefaultAsync(p => p.Platform == platform && p.UserId == userId && p.TrackId == track.Id, cancellationToken);
        if (progress is null)
        {
            return await StartAsync(platform, userId, track.Id, cancellationToken);
        }
        var current = IndexOf(track, progress.StepId);
        var clicked = IndexOf(track, stepId);
        if (progress.CompletedAt is not null && action == ReplyActions.OnboardNext)
        {
            return new Reply(ReplyKind.Onboarding, $"You have already finished “{track.Name}”. Say “onboard {track.Id}” to walk it again, or ask me anything.", null, []);
        }
        if (clicked < 0 || track.Steps[clicked].Version != version)
        {
            return await StepAsync(track, progress, "That step has changed since the message you clicked; here is where you are now.", cancellationToken);
        }
        if (clicked != current)
        {
            return await StepAsync(track, progress, "That button belongs to an earlier message; here is where you are now.", cancellationToken);
        }
        var now = time.GetUtcNow();
        progress.UpdatedAt = now;
        progress.PausedAt = null;
        Reply reply;
        switch (action)
        {
            case ReplyActions.OnboardNext when current == track.Steps.Count - 1:
                progress.CompletedAt = now;
                reply = new Reply(ReplyKind.Onboarding,
                    $"That's the whole of “{track.Name}”: well done! Ask me anything about the coalition's documents whenever you need, and watch for joint actions to sign.",
                    null, []);
                break;
            case ReplyActions.OnboardNext:
                progress.StepId = track.Steps[current + 1].Id;
                reply = await StepAsync(track, progress, null, cancellationToken);
                break;
            case ReplyActions.OnboardBack when current == 0:
                reply = await StepAsync(track, progress, "This is the first step; there is nothing before it.", cancellationToken);
                break;
            case ReplyActions.OnboardBack:
                progress.StepId = track.Steps[current - 1].Id;
                reply = await StepAsync(track, progress, null, cancellationToken);
                break;
            case ReplyActions.OnboardCheck:
                progress.Checked = string.Join('\n', progress.CheckedSteps.Append(progress.StepId).Distinct());
                reply = await StepAsync(track, progress, $"Ticked: {track.Steps[current].Checklist}.", cancellationToken);
                break;
            case ReplyActions.OnboardStop:
                progress.PausedAt = now;
                reply = new Reply(ReplyKind.Onboarding, $"Paused at step {current + 1} of {track.Steps.Count}. Say “continue onboarding” whenever you want to pick it up again.", null, []);
                break;
            default:
                return Problem("Sorry, I don't know that button.");
        }
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    /// <summary>The step's answer, for "Ask about this": the thread's context for the member's own questions.</summary>
    public async Task<(OnboardingStep Step, Answer Answer)?> StepAnswerAsync(string value, CancellationToken cancellationToken)
    {
        var (trackId, stepId, _) = ParseValue(value);
        if (tracks.Find(trackId) is not { } track || track.Steps.FirstOrDefault(s => s.Id == stepId) is not { } step)
        {
            return null;
        }
        return (step, await AnswerAsync(step, cancellationToken));
    }

    /// <summary>Who started and finished which track, newest first (GET /api/onboarding).</summary>
    public async Task<IReadOnlyList<OnboardingReportRow>> ReportAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<OnboardingProgress>().AsNoTracking().ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p =>
            {
                var track = tracks.Find(p.TrackId);
                var step = track is null ? -1 : IndexOf(track, p.StepId);
                var status = p.CompletedAt is not null ? "completed" : p.PausedAt is not null ? "paused" : "in progress";
                return new OnboardingReportRow(p.Platform, p.UserId, p.TrackId, track?.Name, status, step + 1, track?.Steps.Count ?? 0, p.CheckedSteps, p.StartedAt, p.UpdatedAt, p.CompletedAt)
                {
                    Stalled = p.CompletedAt is null && time.GetUtcNow() - p.UpdatedAt >= OnboardingReportRow.StalledAfter,
                };
            })
            .ToList();
    }

    /// <summary>
    /// Puts the welcome on the schedule for a member who joined a configured channel or team: once
    /// per member, even if they join several (unique rows, so two hosts cannot both welcome), and as
    /// a delivery, so a failed send is retried and a restart does not lose it. False when already welcomed.
    /// </summary>
    public async Task<bool> WelcomeAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.Add(new OnboardingWelcome { Platform = platform, UserId = userId, At = now });
        var key = $"welcome:{platform}:{userId}";
        db.Add(new Delivery { Key = key, Group = key, Kind = WelcomeComposer.Name, Platform = platform, UserId = userId, DueAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsDuplicate())
        {
            return false;
        }
    }

    /// <summary>The welcome itself: what the bot does, and "Start the tour".</summary>
    public Reply WelcomeReply()
    {
        var track = tracks.Find(options.Value.DefaultTrack) ?? tracks.All.FirstOrDefault();
        return new Reply(ReplyKind.Onboarding,
            "Welcome to the coalition! I'm CoalitionBot: I answer questions from the coalition's documents, with the passages I used, and I carry the joint actions we sign together."
            + (track is null ? "" : $" New here? “{track.Name}” walks you through the essentials in {track.Steps.Count} short steps."),
            null,
            track is null ? [] : [new ReplyButton("Start the tour", ReplyActions.OnboardStart, track.Id)]);
    }

    private async Task<Reply> StepAsync(OnboardingTrack track, OnboardingProgress progress, string? note, CancellationToken cancellationToken)
    {
        var index = Math.Max(0, IndexOf(track, progress.StepId));
        var step = track.Steps[index];
        progress.StepId = step.Id;
        var answer = await AnswerAsync(step, cancellationToken);
        var value = $"{track.Id}|{step.Id}|{step.Version}";
        var isChecked = progress.CheckedSteps.Contains(step.Id);
        var text = $"{track.Name} — step {index + 1} of {track.Steps.Count}: {step.Title}\n"
            + (step.Intro is { } intro ? intro + "\n" : "")
            + "\n" + answer.Text
            + (step.Checklist is { } item ? $"\n\nTo do: {item}{(isChecked ? " ✓ done" : "")}" : "");
        var buttons = new List<ReplyButton>();
        if (index > 0)
        {
            buttons.Add(new ReplyButton("Back", ReplyActions.OnboardBack, value));
        }
        buttons.Add(new ReplyButton(index == track.Steps.Count - 1 ? "Finish" : "Next", ReplyActions.OnboardNext, value));
        buttons.Add(new ReplyButton("Ask about this", ReplyActions.OnboardAbout, value));
        if (step.Checklist is not null && !isChecked)
        {
            buttons.Add(new ReplyButton("Mark as done", ReplyActions.OnboardCheck, value));
        }
        buttons.Add(new ReplyButton("Stop", ReplyActions.OnboardStop, value));
        return new Reply(ReplyKind.Onboarding, text, answer with { Text = text }, buttons, Note: note);
    }

    /// <summary>The step's questions answered from the library, their citations numbered in one sequence.</summary>
    private async Task<Answer> AnswerAsync(OnboardingStep step, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var citations = new List<Citation>();
        foreach (var question in step.Questions)
        {
            var answer = await answers.AskExtractiveAsync(question, cancellationToken);
            if (!answer.Found)
            {
                // An edited library can leave a step's question unanswered; the tour goes on, and says so.
                parts.Add($"{question}\nThe library does not answer this any more; ask the coordinators.");
                continue;
            }
            var offset = citations.Count;
            parts.Add($"{question}\n{CitationChecker.Marker().Replace(answer.Text, m => "[" + string.Join(", ", m.Groups[1].Value.Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) + offset)) + "]")}");
            citations.AddRange(answer.Citations.Select(c => c with { N = c.N + offset }));
        }
        return new Answer(step.Title, citations.Count > 0, string.Join("\n\n", parts), citations, []);
    }

    private static int IndexOf(OnboardingTrack track, string stepId) => track.Steps.ToList().FindIndex(s => s.Id == stepId);

    private static (string Track, string Step, string Version) ParseValue(string value)
    {
        var parts = value.Split('|');
        return (parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
    }

    private static Reply Problem(string text) => new(ReplyKind.Problem, text, null, []);

}

/// <summary>One member's progress in one track, as coordinators see it.</summary>
public sealed record OnboardingReportRow(
    string Platform,
    string UserId,
    string Track,
    string? TrackName,
    string Status,
    int Step,
    int Steps,
    IReadOnlyList<string> Checked,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>How long without a step before a member counts as stalled.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromDays(7);

    /// <summary>Not finished, and no step (or pause) for <see cref="StalledAfter"/>.</summary>
    public bool Stalled { get; init; }
}
