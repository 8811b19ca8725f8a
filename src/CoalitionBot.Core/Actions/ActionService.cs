using System.Security.Cryptography;
using System.Xml;
using CoalitionBot.Conversation;
using CoalitionBot.Organisations;
using CoalitionBot.Reminders;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Actions;

/// <summary>
/// Creates actions and puts their messages on the schedule (a broadcast to each audience now, a
/// reminder per offset, the summary at the deadline), records answers, closes, and reports.
/// Expected failures come back as an <see cref="ActionProblem"/>, never as an exception.
/// </summary>
public sealed partial class ActionService(
    IDbContextFactory<CoalitionDbContext> contexts,
    DeliveryScheduler scheduler,
    IEnumerable<IAudienceDirectory> directories,
    OrganisationDirectory organisations,
    TimeProvider time)
{
    /// <summary>Longest title, in characters; the chat forms check the same.</summary>
    public const int MaxTitle = 200;

    /// <summary>Longest summary from the API, in characters.</summary>
    public const int MaxSummary = 4000;

    /// <summary>A send time this much in the past (a form filled in slowly) still means "now".</summary>
    private static readonly TimeSpan SendAtGrace = TimeSpan.FromMinutes(5);

    /// <param name="requestId">
    /// What makes a second submit of the same form the same action (a Slack view id, a Teams card id):
    /// the action's id derives from it, so a double click creates one action and gets a 409.
    /// </param>
    public async Task<(AdvocacyAction? Action, ActionProblem? Problem)> CreateAsync(NewAction request, string createdBy, CancellationToken cancellationToken, string? requestId = null)
    {
        var now = time.GetUtcNow();
        if (Validate(request, now) is { } problem)
        {
            return (null, problem);
        }
        var id = requestId is null ? NewId() : IdFor(requestId);
        if (requestId is not null && await ExistsAsync(id, cancellationToken))
        {
            return (null, AlreadyCreated(id));
        }
        var (members, unavailable) = await MembersAsync(request.Audience!, cancellationToken);
        if (unavailable is not null)
        {
            return (null, unavailable);
        }
        ActionKinds.TryParse(request.Kind, out var kind);
        var offsets = (request.ReminderOffsets ?? ReminderOffsets.Default).ToList();
        var action = new AdvocacyAction
        {
            Id = id,
            Kind = kind,
            Title = request.Title!.Trim(),
            Summary = request.Summary?.Trim() ?? "",
            Link = request.Link?.Trim(),
            Deadline = request.Deadline!.Value.ToUniversalTime(),
            TimeZone = request.TimeZone ?? DeadlineReader.FallbackZone,
            ReminderOffsets = string.Join(',', offsets),
            CreatedBy = createdBy,
            CreatedAt = now,
            CoordinatorPlatform = request.Coordinator?.Platform?.ToLowerInvariant(),
            CoordinatorUser = request.Coordinator?.User,
            SendAt = request.SendAt is { } sendAt && sendAt > now ? sendAt.ToUniversalTime() : null,
            Audience = request.Audience!.Select(a => new ActionAudience
            {
                ActionId = "",
                Platform = a.Platform!.ToLowerInvariant(),
                Conversation = (a.Channel ?? a.Conversation)!.Trim(),
                Dm = a.Dm,
            }).ToList(),
        };
        action.Audience.ForEach(a => a.ActionId = action.Id);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Add(action);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (requestId is not null && e.IsDuplicate())
            {
                // The same form submitted twice at once: the other submit saved it first.
                return (null, AlreadyCreated(id));
            }
        }
        await scheduler.ScheduleAsync(ActionDeliveries.For(action, offsets.Select(XmlConvert.ToTimeSpan).ToList(), members, now), cancellationToken);
        return (action, null);
    }

    public async Task<IReadOnlyList<ActionView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actions = await db.Set<AdvocacyAction>().Include(a => a.Audience).Include(a => a.Responses).ToListAsync(cancellationToken);
        var directory = await OrganisationIndex.LoadAsync(db, cancellationToken);
        return actions.OrderByDescending(a => a.Deadline).Select(a => View(a, null, directory)).ToList();
    }

    public async Task<ActionView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await Load(db, id, cancellationToken);
        if (action is null)
        {
            return null;
        }
        // Every delivery of an action names it as its subject; keys are for uniqueness, not for finding.
        var deliveries = await db.Set<Delivery>().Where(d => d.Subject == id).ToListAsync(cancellationToken);
        return View(action, deliveries, await OrganisationIndex.LoadAsync(db, cancellationToken));
    }

    /// <summary>Closes now (409 when already closed) and brings the summary forward to now.</summary>
    public async Task<(ActionView? Action, ActionProblem? Problem)> CloseAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var action = await Load(db, id, cancellationToken);
            if (action is null)
            {
                return (null, NotFound(id));
            }
            if (action.IsClosedAt(now))
            {
                return (null, new ActionProblem(409, $"The action '{id}' is already closed."));
            }
            action.ClosedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<Delivery>()
                .Where(d => d.Key == ActionDeliveries.SummaryKey(id) && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, now), cancellationToken);
        }
        return (await GetAsync(id, cancellationToken), null);
    }

    /// <summary>Records a member's answer; a later answer replaces theirs. Closed actions take no answers.</summary>
    public async Task<ActionProblem?> RespondAsync(string id, string platform, string userId, ActionAnswer answer, string? organisation, string? signerName, string? signerTitle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await Load(db, id, cancellationToken);
        if (action is null)
        {
            return NotFound(id);
        }
        if (action.CancelledAt is not null)
        {
            return new ActionProblem(409, $"“{action.Title}” was cancelled: no answer is needed.");
        }
        if (action.IsClosedAt(now))
        {
            return new ActionProblem(409, $"“{action.Title}” is closed: its deadline has passed.");
        }
        var response = action.Responses.SingleOrDefault(r => r.Platform == platform && r.UserId == userId);
        if (response is null)
        {
            response = new ActionResponse { ActionId = id, Platform = platform, UserId = userId };
            action.Responses.Add(response);
        }
        response.Answer = answer;
        response.Organisation = organisation?.Trim() ?? response.Organisation;
        response.SignerName = signerName?.Trim() ?? response.SignerName;
        response.SignerTitle = signerTitle?.Trim() ?? response.SignerTitle;
        response.AnsweredAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (answer != ActionAnswer.Later && response.Organisation is { } typed)
        {
            await organisations.LearnAsync(platform, userId, typed, cancellationToken);
        }
        return null;
    }

    /// <summary>
    /// "Remind me later": records the answer and schedules one personal reminder (next 9:00 in the
    /// member's zone, sooner near the deadline, never after it). Returns when it will come, or the problem.
    /// </summary>
    public async Task<(DateTimeOffset? RemindAt, ActionProblem? Problem)> RemindLaterAsync(string id, string platform, string userId, string? timeZone, CancellationToken cancellationToken)
    {
        if (await RespondAsync(id, platform, userId, ActionAnswer.Later, null, null, null, cancellationToken) is { } problem)
        {
            return (null, problem);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deadline = await db.Set<AdvocacyAction>().Where(a => a.Id == id).Select(a => a.Deadline).SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (ReminderTimes.Later(now, deadline, timeZone) is not { } at)
        {
            return (null, null);
        }
        await scheduler.ScheduleAsync([ActionDeliveries.Later(id, platform, userId, at)], cancellationToken);
        return (at, null);
    }

    /// <summary>What a member gave when they last signed anything: a sign-on letter lists the same organisation and signer each time.</summary>
    public async Task<ActionResponse?> LastSignatureAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ActionResponse>()
            .Where(r => r.Platform == platform && r.UserId == userId && r.Organisation != null)
            .OrderByDescending(r => r.AnsweredAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The signatories as CSV: organisation, signer name, title, platform, answered at (UTC). Null for an unknown id.</summary>
    public async Task<string?> SignatoriesCsvAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await Load(db, id, cancellationToken);
        return action is null ? null : SignatoriesCsv.Write(action.Responses.Where(r => r.Answer == ActionAnswer.Signed));
    }

    /// <summary>
    /// The members to ask directly, for audiences with "dm": listed now, so that a channel the bot
    /// is not in is a clear 400 before anything is stored or sent (the others are checked too).
    /// </summary>
    private async Task<(List<(string Platform, string UserId)> Members, ActionProblem? Problem)> MembersAsync(IReadOnlyList<NewAudience> audience, CancellationToken cancellationToken)
    {
        var members = new List<(string, string)>();
        foreach (var group in audience.Where(a => !a.Dm))
        {
            if (directories.FirstOrDefault(d => d.Platform == group.Platform!.ToLowerInvariant()) is { } directory)
            {
                try
                {
                    await directory.EnsureReachableAsync((group.Channel ?? group.Conversation)!.Trim(), cancellationToken);
                }
                catch (AudienceUnavailableException e)
                {
                    return ([], new ActionProblem(400, e.Message));
                }
            }
        }
        foreach (var group in audience.Where(a => a.Dm))
        {
            var platform = group.Platform!.ToLowerInvariant();
            var conversation = (group.Channel ?? group.Conversation)!.Trim();
            if (directories.FirstOrDefault(d => d.Platform == platform) is not { } directory)
            {
                return ([], new ActionProblem(400, $"Direct messages on {platform} need {platform} to be configured on this server."));
            }
            try
            {
                members.AddRange((await directory.MembersAsync(conversation, cancellationToken)).Select(m => (platform, m)));
            }
            catch (AudienceUnavailableException e)
            {
                return ([], new ActionProblem(400, e.Message));
            }
        }
        return (members.Distinct().ToList(), null);
    }

    internal static ActionProblem NotFound(string id) => new(404, $"There is no action '{id}'.");

    private static ActionProblem AlreadyCreated(string id) => new(409, $"This action was already created as {id}; nothing was sent twice.");

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AdvocacyAction>().AnyAsync(a => a.Id == id, cancellationToken);
    }

    private static Task<AdvocacyAction?> Load(CoalitionDbContext db, string id, CancellationToken cancellationToken) =>
        db.Set<AdvocacyAction>().Include(a => a.Audience).Include(a => a.Responses).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private ActionView View(AdvocacyAction action, IReadOnlyList<Delivery>? deliveries, OrganisationIndex directory)
    {
        var now = time.GetUtcNow();
        var standings = ActionTallies.Answered(action, directory);
        var notAnswered = ActionTallies.NotAnswered(standings, directory);
        var organisations = standings.Select(s => new OrganisationAnswer(s.Name, s.Signed ? "signed" : "declined", s.Responses.Select(r => r.SignerName ?? r.UserId).ToList())
        {
            OrganisationId = s.Entry?.Id,
            Country = s.Entry?.Country,
            Signers = s.Responses.OrderBy(r => r.AnsweredAt)
                .Select(r => new SignerView(r.Platform, r.UserId, r.Answer.ToString().ToLowerInvariant(), r.SignerName, r.SignerTitle, r.Organisation, r.AnsweredAt)).ToList(),
        }).ToList();
        var tally = new ActionTally(
            organisations.Count(o => o.Answer == "signed"),
            organisations.Count(o => o.Answer == "declined"),
            action.Responses.Count(r => r.Answer == ActionAnswer.Later),
            notAnswered.Count);
        return new ActionView(
            action.Id, ActionKinds.Name(action.Kind), action.Title, action.Summary, action.Link, action.Deadline, action.TimeZone,
            ActionStates.Status(action, now),
            tally, organisations,
            action.Audience.Select(a => new AudienceView(a.Platform, a.Conversation, a.Dm)).ToList(),
            deliveries?.OrderBy(d => d.DueAt).ThenBy(d => d.Id).Select(d => new DeliveryView(d.Kind, d.Platform, d.ConversationId ?? d.UserId ?? "", d.DueAt, d.State.ToString().ToLowerInvariant(), d.SentAt, d.Error)
            {
                Id = d.Id, Attempts = d.Attempts, UserId = d.UserId, ConversationId = d.ConversationId,
            }).ToList())
        {
            State = ActionStates.Of(action, now),
            SendAt = action.SendAt,
            CreatedAt = action.CreatedAt,
            UpdatedAt = action.UpdatedAt,
            ClosedAt = action.ClosedAt,
            CancelledAt = action.CancelledAt,
            ReminderOffsets = action.ReminderOffsets.Split(',', StringSplitOptions.RemoveEmptyEntries),
            NotAnswered = notAnswered.Select(o => new PendingOrganisation(o.Id, o.Name, o.Country, o.FocalPoints.OrderBy(f => f.Id).Select(f => new FocalPointView(f.Name, f.Email)).ToList())).ToList(),
        };
    }

    private static ActionProblem? Validate(NewAction request, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return new(400, "Give the action a title.");
        }
        if (request.Title.Trim().Length > MaxTitle)
        {
            return new(400, $"The title is {request.Title.Trim().Length:N0} characters; keep it under {MaxTitle}.");
        }
        if (request.Summary?.Length > MaxSummary)
        {
            return new(400, $"The summary is {request.Summary.Length:N0} characters; keep it under {MaxSummary:N0} (the link can carry the rest).");
        }
        if (!ActionKinds.TryParse(request.Kind, out _))
        {
            return new(400, $"'{request.Kind}' is not a kind of action; use one of: {ActionKinds.Names}.");
        }
        if (request.Deadline is not { } deadline)
        {
            return new(400, "Give a deadline, in ISO 8601 with an offset, for example 2026-12-05T17:00:00+01:00.");
        }
        if (deadline <= now)
        {
            return new(400, $"The deadline {deadline:yyyy-MM-dd HH:mm zzz} has already passed.");
        }
        if (request.SendAt is { } sendAt && sendAt < now - SendAtGrace)
        {
            return new(400, $"The send time {sendAt:yyyy-MM-dd HH:mm zzz} has already passed; leave sendAt out to send now.");
        }
        if (request.SendAt is { } send && send >= deadline)
        {
            return new(400, "The send time must come before the deadline.");
        }
        if (request.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return new(400, $"'{zone}' is not a time zone; use an IANA name such as Europe/Brussels.");
        }
        if (request.Link is { } link && !IsWebAddress(link))
        {
            return new(400, $"The link '{link}' is not a web address.");
        }
        if (request.Audience is not { Count: > 0 } audience)
        {
            return new(400, "Say who the action is for: at least one audience, e.g. { \"platform\": \"slack\", \"channel\": \"C0123\" }.");
        }
        foreach (var member in audience)
        {
            if (member.Platform is null || !Platforms.Broadcast.Contains(member.Platform))
            {
                return new(400, $"Audience platform '{member.Platform}' is not one of: slack, teams.");
            }
            if (string.IsNullOrWhiteSpace(member.Channel ?? member.Conversation))
            {
                return new(400, "Each audience needs a channel (Slack) or a conversation (Teams).");
            }
        }
        foreach (var offset in request.ReminderOffsets ?? [])
        {
            if (!TryDuration(offset, out var duration) || duration <= TimeSpan.Zero)
            {
                return new(400, $"'{offset}' is not a reminder offset; use ISO 8601 durations such as P3D, P1D or PT2H.");
            }
        }
        if (request.Coordinator is { } coordinator && (coordinator.Platform is null || !Platforms.Broadcast.Contains(coordinator.Platform) || string.IsNullOrWhiteSpace(coordinator.User)))
        {
            return new(400, "The coordinator needs a platform (slack or teams) and a user id.");
        }
        return null;
    }

    /// <summary>An absolute http(s) address: what an action's link must be, from the API or a chat form.</summary>
    internal static bool IsWebAddress(string link) => Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    private static bool TryDuration(string? text, out TimeSpan duration)
    {
        try
        {
            duration = XmlConvert.ToTimeSpan(text ?? "");
            return true;
        }
        catch (FormatException)
        {
            duration = default;
            return false;
        }
    }

    private static string NewId() => "act_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    private static string IdFor(string requestId) => "act_" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestId)))[..10];
}
