namespace CoalitionBot.Tests.Support;

/// <summary>Paths in the repository, found by walking up from the test binaries to CoalitionBot.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Seed(string name) => Path.Combine(Seeds, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoalitionBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CoalitionBot.sln not found above " + AppContext.BaseDirectory);
    }
}
