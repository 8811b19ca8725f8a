using CoalitionBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Knowledge;

public static class KnowledgeExtensions
{
    /// <summary>The library: reading, splitting, the Lucene index, search and answers.</summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>()
            .BindConfiguration("Knowledge")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());

        builder.Services.AddSingleton<CoalitionAnalyzer>();
        builder.Services.AddSingleton<DocumentReader>();
        builder.Services.AddSingleton<PassageSplitter>();
        builder.Services.AddSingleton<KnowledgeIndex>();
        builder.Services.AddSingleton(sp => LoadGlossary(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
        builder.Services.AddSingleton<GlossaryMatcher>();
        builder.Services.AddSingleton<PassageRanker>();
        builder.Services.AddSingleton<AnswerComposer>();
        builder.Services.AddSingleton<SuggestionPool>();
        builder.Services.AddSingleton<GlossaryDefinitions>();
        builder.Services.AddSingleton<CuratedAnswers>();
        builder.Services.AddSingleton<AnswerService>();
        // Read from the raw configuration, not bound: Teams conversation ids contain ':' (LibraryScopes).
        builder.Services.AddSingleton(sp => LibraryScopes.Read(sp.GetRequiredService<IConfiguration>().GetSection("Knowledge:Collections")));
        return builder;
    }

    /// <summary>The glossary named in the options, else the first glossary.yaml in a source folder, else none.</summary>
    private static Glossary LoadGlossary(KnowledgeOptions options)
    {
        if (options.GlossaryFile is { } file)
        {
            return File.Exists(file)
                ? Glossary.Load(file)
                : throw new FileNotFoundException($"The glossary '{Path.GetFullPath(file)}' set in Knowledge:GlossaryFile does not exist.", file);
        }
        var found = options.EffectiveSourceFolders
            .Select(folder => Path.Combine(folder, "glossary.yaml"))
            .FirstOrDefault(File.Exists);
        return found is null ? Glossary.Empty : Glossary.Load(found);
    }
}
