using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoalitionBot.Onboarding;

/// <summary>
/// The tracks of onboarding.yaml, read once at start-up. A malformed file stops start-up with the
/// file and line, because new staff meeting a half-read tour is worse than a clear error.
/// </summary>
public sealed class OnboardingTracks
{
    private OnboardingTracks(IReadOnlyList<OnboardingTrack> tracks, string source)
    {
        All = tracks;
        Source = source;
    }

    public static OnboardingTracks None { get; } = new([], "");

    public IReadOnlyList<OnboardingTrack> All { get; }

    /// <summary>The file the tracks came from, or empty.</summary>
    public string Source { get; }

    /// <summary>A track by id or by name, case-insensitively.</summary>
    public OnboardingTrack? Find(string idOrName) =>
        All.FirstOrDefault(t => string.Equals(t.Id, idOrName.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? All.FirstOrDefault(t => string.Equals(t.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase));

    public static OnboardingTracks Load(string path)
    {
        TracksFile? file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<TracksFile?>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}({e.Start.Line},{e.Start.Column}): the onboarding tracks are not valid: {e.InnerException?.Message ?? e.Message}", e);
        }
        var tracks = new List<OnboardingTrack>();
        foreach (var (track, t) in (file?.Tracks ?? []).Select((x, i) => (x, i + 1)))
        {
            var where = $"{path}: track {t}";
            var id = Required(track.Id, where, "id");
            if (tracks.Any(x => string.Equals(x.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidDataException($"{where}: the id '{id}' is used twice.");
            }
            var steps = new List<OnboardingStep>();
            foreach (var (step, s) in (track.Steps ?? []).Select((x, i) => (x, i + 1)))
            {
                var stepWhere = $"{where} ('{id}'), step {s}";
                var questions = (step.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).ToList();
                if (questions.Count == 0)
                {
                    throw new InvalidDataException($"{stepWhere}: give at least one question under 'questions'; the library answers it during the step.");
                }
                var stepId = step.Id?.Trim() is { Length: > 0 } given ? given : $"step-{s}";
                if (steps.Any(x => x.Id == stepId))
                {
                    throw new InvalidDataException($"{stepWhere}: the step id '{stepId}' is used twice.");
                }
                steps.Add(new OnboardingStep(stepId, Required(step.Title, stepWhere, "title"), step.Intro?.Trim(), questions, step.Checklist?.Trim() is { Length: > 0 } c ? c : null));
            }
            if (steps.Count == 0)
            {
                throw new InvalidDataException($"{where} ('{id}') has no steps.");
            }
            tracks.Add(new OnboardingTrack(id, track.Name?.Trim() is { Length: > 0 } name ? name : id, track.Intro?.Trim(), steps));
        }
        return new OnboardingTracks(tracks, path);
    }

    private static string Required(string? value, string where, string field) =>
        value?.Trim() is { Length: > 0 } given ? given : throw new InvalidDataException($"{where}: '{field}' is missing.");

    internal sealed class TracksFile
    {
        public List<TrackEntry>? Tracks { get; set; }
    }

    internal sealed class TrackEntry
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Intro { get; set; }
        public List<StepEntry>? Steps { get; set; }
    }

    internal sealed class StepEntry
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Intro { get; set; }
        public List<string>? Questions { get; set; }
        public string? Checklist { get; set; }
    }
}
