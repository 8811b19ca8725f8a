using CoalitionBot.AI;

namespace CoalitionBot.Tests.AI;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void ItemRankedWellByBothListsWins()
    {
        // a: 1/61 + 1/63; b: 1/62 + 1/61; c: 1/62.
        Assert.Equal(["b", "a", "c"], ReciprocalRankFusion.Fuse<string>(["a", "b"], ["b", "c", "a"]));
    }

    [Fact]
    public void OneListKeepsItsOrder() => Assert.Equal(["x", "y", "z"], ReciprocalRankFusion.Fuse<string>(["x", "y", "z"]));

    [Fact]
    public void TiesKeepTheOrderOfFirstAppearance() => Assert.Equal(["a", "b"], ReciprocalRankFusion.Fuse<string>(["a"], ["b"]));
}
