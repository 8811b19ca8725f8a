namespace CoalitionBot.AI;

/// <summary>
/// The passage embeddings beside the Lucene index (<c>{index}/embeddings.bin</c>), keyed by the
/// SHA-256 of the text that was embedded, for one model. A file for another model, or one that
/// cannot be read, counts as empty: the embeddings are a cache, rebuilt from the documents.
/// </summary>
internal static class EmbeddingFile
{
    public const string Name = "embeddings.bin";
    private const int Format = 0x31454243;   // "CBE1"

    public static Dictionary<string, float[]> Read(string path, string model)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return vectors;
        }
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Format || reader.ReadString() != model)
            {
                return vectors;
            }
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var vector = new float[reader.ReadInt32()];
                for (var d = 0; d < vector.Length; d++)
                {
                    vector[d] = reader.ReadSingle();
                }
                vectors[key] = vector;
            }
            return vectors;
        }
        catch (EndOfStreamException)
        {
            // A file cut short (a crash mid-write before the atomic move existed, or a copy): start over.
            return new Dictionary<string, float[]>(StringComparer.Ordinal);
        }
    }

    /// <summary>Writes to a temporary file and moves it over the old one, so a crash never leaves half a file.</summary>
    public static void Write(string path, string model, IReadOnlyDictionary<string, float[]> vectors)
    {
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Format);
            writer.Write(model);
            writer.Write(vectors.Count);
            foreach (var (key, vector) in vectors)
            {
                writer.Write(key);
                writer.Write(vector.Length);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }
        File.Move(temporary, path, overwrite: true);
    }
}
