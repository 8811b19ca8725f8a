using CoalitionBot.Organisations;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CoalitionBot.Tests.Organisations;

public sealed class OrganisationDirectoryTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly OrganisationDirectory _directory;
    private readonly OrganisationImport _import;

    public OrganisationDirectoryTests()
    {
        var contexts = _database.NewFactory();
        _directory = new OrganisationDirectory(contexts, _time);
        _import = new OrganisationImport(contexts, _directory, _time);
    }

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("Médecins du Monde", "medecins-du-monde")]
    [InlineData("Save the Children", "  SAVE  THE CHILDREN. ")]
    [InlineData("Doctors & Friends", "doctors and friends")]
    public void NamesMatchIgnoringCaseSpacingPunctuationAndAccents(string name, string typed) =>
        Assert.Equal(OrganisationNames.Key(name), OrganisationNames.Key(typed));

    [Fact]
    public void DifferentNamesStayDifferent() =>
        Assert.NotEqual(OrganisationNames.Key("HIAS"), OrganisationNames.Key("HIAS Europe"));

    [Fact]
    public async Task CsvImportTakesTheGoodRowsAndReportsEachBadRowByLine()
    {
        const string csv = "organisation,country,focal point,email,platform,user\r\n"
            + "Save the Children,Belgium,Ana Pérez,ana@example.org,slack,U1\r\n"
            + ",Spain,,,,\r\n"                                         // line 3: no name
            + "\"HIAS, Inc.\",USA,Sam,sam@example.org,teams,aad-2\r\n"
            + "Oxfam,UK,Lee,not-an-email,,\r\n"                        // line 5: bad email
            + "save the children,,Bo,,slack,U3\r\n"                    // same organisation, second member
            + "Caritas,Italy,,,whatsapp,123\r\n"                       // line 7: bad platform
            + "Caritas,Italy,,,slack,U1\r\n";                          // line 8: U1 already in Save the Children

        var (result, problem) = await _import.ImportAsync(csv, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(7, result!.Rows);
        Assert.Equal(3, result.Imported);
        Assert.Equal([3, 5, 7, 8], result.Errors.Select(e => e.Line));
        Assert.Contains("Line 5: 'not-an-email' is not an email address.", result.Errors.Select(e => e.Error));
        Assert.Contains("already belongs to “Save the Children”", result.Errors.Single(e => e.Line == 8).Error);
        var listed = await _directory.ListAsync(CancellationToken.None);
        Assert.Equal(["HIAS, Inc.", "Save the Children"], listed.Select(o => o.Name));
        var save = listed.Single(o => o.Name == "Save the Children");
        Assert.Equal("Belgium", save.Country);
        Assert.Equal(["Ana Pérez", "Bo"], save.FocalPoints.Select(f => f.Name));
        Assert.Equal(["U1", "U3"], save.Members.Select(m => m.UserId));
        Assert.All(save.Members, m => Assert.True(m.Confirmed));
    }

    [Fact]
    public async Task ACsvWithoutAnOrganisationColumnIsRefusedWhole()
    {
        var (result, problem) = await _import.ImportAsync("country,email\nBelgium,a@b.org\n", CancellationToken.None);

        Assert.Null(result);
        Assert.Contains("Line 1", problem!.Error);
        Assert.Empty(await _directory.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheSameOrganisationCannotBeAddedTwiceUnderAnotherSpelling()
    {
        var (first, _) = await _directory.CreateAsync(new NewOrganisation("Médecins du Monde", "France", [new NewFocalPoint("Claire", "claire@example.org")]), CancellationToken.None);

        var (second, problem) = await _directory.CreateAsync(new NewOrganisation("MEDECINS DU MONDE"), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(409, problem!.Status);
        Assert.Equal(400, (await _directory.CreateAsync(new NewOrganisation(" "), CancellationToken.None)).Problem!.Status);
        Assert.Equal(400, (await _directory.CreateAsync(new NewOrganisation(new string('x', 10_000)), CancellationToken.None)).Problem!.Status);
        Assert.Single(await _directory.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AMemberOfAnUnknownOrganisationIsA404()
    {
        var (member, problem) = await _directory.AddMemberAsync("org_nope", new NewMember("slack", "U1"), CancellationToken.None);

        Assert.Null(member);
        Assert.Equal(404, problem!.Status);
    }
}
