using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

/// <summary>
/// Fails start-up, naming the folder, when a source folder is missing (an empty library would
/// answer nothing and say nothing), and naming the file and line when its library.yaml is malformed.
/// </summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var missing = options.EffectiveSourceFolders.Where(f => !Directory.Exists(f)).Select(Path.GetFullPath).ToList();
        if (missing.Count > 0)
        {
            return ValidateOptionsResult.Fail(missing.Select(f =>
                $"The source folder '{f}' does not exist. Create it, or set Knowledge:SourceFolders to the folder that holds the documents."));
        }
        // A malformed library.yaml stops start-up with its file and line, as a malformed glossary does.
        var invalid = new List<string>();
        foreach (var folder in options.EffectiveSourceFolders)
        {
            try
            {
                LibraryMetadata.LoadFrom(folder);
            }
            catch (InvalidDataException e)
            {
                invalid.Add(e.Message);
            }
        }
        return invalid.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(invalid);
    }
}
