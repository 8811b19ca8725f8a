using System.Text.Json;
using CoalitionBot.Knowledge;

namespace CoalitionBot.Tests.Support;

/// <summary>Answers compared as their JSON (records holding lists compare the lists by reference).</summary>
public static class AnswerAssert
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Same(Answer expected, Answer actual)
    {
        Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(actual, Json));
        Assert.Equal(expected.Generated, actual.Generated);
    }

    public static void SameCitations(Answer expected, Answer actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected.Citations, Json), JsonSerializer.Serialize(actual.Citations, Json));
}
