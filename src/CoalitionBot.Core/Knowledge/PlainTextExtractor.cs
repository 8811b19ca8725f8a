using System.Text;

namespace CoalitionBot.Knowledge;

/// <summary>.txt and .md: UTF-8 (with or without BOM) only; a NUL byte or an invalid sequence means "not a text document".</summary>
internal sealed class PlainTextExtractor : IDocumentExtractor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<string> Extensions { get; } = [".txt", ".md"];

    public ExtractedText Extract(byte[] bytes, string fileName) =>
        Decode(bytes) is { } text
            ? new ExtractedText(text, Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant())
            : throw new UnreadableDocumentException("it is not a UTF-8 text file");

    internal static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        if (bytes.Contains((byte)0))
        {
            return null;
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
