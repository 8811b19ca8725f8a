namespace CoalitionBot.Storage;

/// <summary>Where the bot keeps everything it writes.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// The one folder for the Lucene index and, later, the database (setting <c>DataPath</c>,
    /// default <c>data</c>, relative to the working directory). Two processes with different
    /// data folders share nothing.
    /// </summary>
    public string DataPath { get; set; } = "data";
}
