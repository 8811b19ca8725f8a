using CoalitionBot.Actions;

namespace CoalitionBot.Tests.Actions;

/// <summary>Answers counted per organisation of the directory, and reminders only to organisations that have not answered.</summary>
public sealed class OrganisationTallyTests : IDisposable
{
    private readonly ActionTestBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task TheTallyCountsOrganisationsByTheDirectoryAndListsThoseThatHaveNotAnswered()
    {
        await _bench.ImportDirectoryAsync();
        var id = await _bench.CreateAsync();
        await _bench.SignAsync(id, "U1", "save-the-children");
        await _bench.Actions.RespondAsync(id, "slack", "U2", ActionAnswer.Declined, null, null, null, CancellationToken.None);
        await _bench.SignAsync(id, "U4", "Local Migrants Group");

        var view = (await _bench.Actions.GetAsync(id, CancellationToken.None))!;

        Assert.Equal(new ActionTally(2, 0, 0, 2), view.Tally);
        var save = view.Organisations.Single(o => o.Organisation == "Save the Children");
        Assert.Equal("signed", save.Answer);
        Assert.Equal("Belgium", save.Country);
        Assert.Equal(["signed", "declined"], save.Signers.Select(s => s.Answer));
        Assert.Null(view.Organisations.Single(o => o.Organisation == "Local Migrants Group").OrganisationId);
        Assert.Equal(["HIAS", "Oxfam"], view.NotAnswered.Select(o => o.Name));
        Assert.Equal("sam@example.org", view.NotAnswered[0].FocalPoints.Single().Email);
    }

    [Fact]
    public async Task StaffOfAnOrganisationThatSignedAreNotRemindedThatItHasNotAnswered()
    {
        await _bench.ImportDirectoryAsync();
        var id = await _bench.CreateAsync();
        await _bench.RunAtAsync(ActionTestBench.Start);
        Assert.Equal(["C1", "U1", "U2", "U3", "U4"], _bench.Take());

        await _bench.SignAsync(id, "U1", "Save the Children");
        await _bench.RunAtAsync(ActionTestBench.Deadline.AddDays(-3));

        // U2 works for Save the Children too: U1's signature answers for both.
        Assert.Equal(["C1", "U3", "U4"], _bench.Take());
    }

    [Fact]
    public async Task AMemberOutsideTheDirectoryIsNotRemindedAfterAColleagueSignsTheNameTheyUsedBefore()
    {
        var earlier = await _bench.CreateAsync(offsets: []);
        await _bench.SignAsync(earlier, "U4", "Local Migrants Group");
        var id = await _bench.CreateAsync();
        await _bench.RunAtAsync(ActionTestBench.Start);
        _bench.Take();

        await _bench.SignAsync(id, "U3", "local migrants group");
        await _bench.RunAtAsync(ActionTestBench.Deadline.AddDays(-3));

        Assert.DoesNotContain("U4", _bench.Take());
    }

    [Fact]
    public async Task SigningWithADirectoryNameIsLearnedForACoordinatorToConfirm()
    {
        await _bench.ImportDirectoryAsync();
        var id = await _bench.CreateAsync();

        await _bench.SignAsync(id, "U4", "hias");

        var learned = Assert.Single(await _bench.Organisations.LearnedAsync(CancellationToken.None));
        Assert.Equal(("HIAS", "U4", false, "learned"), (learned.Organisation, learned.UserId, learned.Confirmed, learned.Source));
        Assert.Equal(new ActionTally(1, 0, 0, 2), (await _bench.Actions.GetAsync(id, CancellationToken.None))!.Tally);
        var (confirmed, _) = await _bench.Organisations.ConfirmAsync(learned.Id, CancellationToken.None);
        Assert.True(confirmed!.Confirmed);
        Assert.Empty(await _bench.Organisations.LearnedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownNameIsFlaggedAndOnceMergedCountsForTheOrganisation()
    {
        await _bench.ImportDirectoryAsync();
        var id = await _bench.CreateAsync();
        await _bench.SignAsync(id, "U4", "HIAS Europe");

        var unknown = Assert.Single(await _bench.Organisations.UnknownNamesAsync(CancellationToken.None));
        Assert.Equal(("HIAS Europe", 1), (unknown.Name, unknown.Answers));
        var hias = (await _bench.Organisations.ListAsync(CancellationToken.None)).Single(o => o.Name == "HIAS");
        var (merged, problem) = await _bench.Organisations.MergeAsync(hias.Id, "HIAS Europe", CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(["HIAS Europe"], merged!.Aliases);
        Assert.Empty(await _bench.Organisations.UnknownNamesAsync(CancellationToken.None));
        var view = (await _bench.Actions.GetAsync(id, CancellationToken.None))!;
        Assert.Equal("HIAS", Assert.Single(view.Organisations).Organisation);
        Assert.Equal(["Oxfam", "Save the Children"], view.NotAnswered.Select(o => o.Name));
        Assert.Equal("U4", Assert.Single(await _bench.Organisations.LearnedAsync(CancellationToken.None)).UserId);
        Assert.Equal(409, (await _bench.Organisations.MergeAsync(hias.Id, "hias europe", CancellationToken.None)).Problem!.Status);
        Assert.Equal(404, (await _bench.Organisations.MergeAsync("org_nope", "Other", CancellationToken.None)).Problem!.Status);
    }
}
