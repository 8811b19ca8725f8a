using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>Fails start-up, naming the folder, when a source folder is missing: an empty library would answer nothing and say nothing.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var missing = options.EffectiveSourceFolders.Where(f => !Directory.Exists(f)).Select(Path.GetFullPath).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(missing.Select(f =>
                $"The source folder '{f}' does not exist. Create it, or set Knowledge:SourceFolders to the folder that holds the documents."));
    }
}
