using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using static Smart.IntegrationTests.Training.TrainingScenario;

namespace Smart.IntegrationTests.Training;

/// <summary>A trainee's registrations across sessions, and the e-mail telling a place on the waiting list.</summary>
public sealed class RegistrationListTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private sealed record Summary(Guid Id, Guid SessionId, string Title, DateOnly FirstDay, DateOnly LastDay, List<HalfDay> HalfDays, string? VenueName,
        Guid? MemberId, string Status, int WaitingPosition, bool Attended, decimal Price, decimal Charged, Guid? ActivityId);

    private sealed record Listed(List<Summary> Items, int Page, int PageSize, int Total);

    [Fact]
    public async Task Given_a_member_confirmed_at_120_in_one_session_and_waiting_2nd_in_another_Then_they_list_both_and_nobody_else_sees_them()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var early = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay)));
        var late = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay.AddDays(7)), capacity: 1));
        var (memberId, member, activityId) = await scenario.Spaces.MemberAsync();
        var (otherId, other, otherActivityId) = await scenario.Spaces.MemberAsync();
        var confirmed = await RegisteredAsync(await RegisterAsync(member, early, activityId));
        await RegisteredAsync(await RegisterAsync(scenario.Operator, late, trainee: NonMember(1)));
        await RegisteredAsync(await RegisterAsync(other, late, otherActivityId));
        var waiting = await RegisteredAsync(await RegisterAsync(member, late, activityId));

        var mine = (await member.GetFromJsonAsync<Listed>("/api/training/registrations/mine", SpacesScenario.Json))!;

        Assert.Equal(2, mine.Total);
        // Latest sessions first: waiting 2nd in line behind the other member, nothing charged yet; then the seat charged 120.00.
        Assert.Equal((waiting.Id, late, "Waiting", 2, 120.00m, 0m), (mine.Items[0].Id, mine.Items[0].SessionId, mine.Items[0].Status, mine.Items[0].WaitingPosition,
            mine.Items[0].Price, mine.Items[0].Charged));
        Assert.Equal((confirmed.Id, "Confirmed", 0, 120.00m, 120.00m, activityId), (mine.Items[1].Id, mine.Items[1].Status, mine.Items[1].WaitingPosition,
            mine.Items[1].Price, mine.Items[1].Charged, (Guid)mine.Items[1].ActivityId!));
        Assert.Equal((FirstDay, FirstDay.AddDays(1), 4, "Médiathèque Jean Lévy"), (mine.Items[1].FirstDay, mine.Items[1].LastDay, mine.Items[1].HalfDays.Count,
            mine.Items[1].VenueName));
        Assert.False(mine.Items[1].Attended);
        Assert.Equal([waiting.Id], (await member.GetFromJsonAsync<Listed>("/api/training/registrations/mine?status=Waiting", SpacesScenario.Json))!.Items.Select(i => i.Id));
        var secondPage = (await member.GetFromJsonAsync<Listed>("/api/training/registrations?pageSize=1&page=2", SpacesScenario.Json))!;
        Assert.Equal(2, secondPage.Total);
        Assert.Equal([confirmed.Id], secondPage.Items.Select(i => i.Id));

        // The other member sees their own only; another member's list does not exist for them.
        Assert.All((await other.GetFromJsonAsync<Listed>("/api/training/registrations/mine", SpacesScenario.Json))!.Items, i => Assert.Equal(otherId, i.MemberId));
        await (await other.GetAsync($"/api/training/registrations?memberId={memberId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Staff of the sessions see the member's; an operator of another entity sees none.
        var advisor = await scenario.AdvisorAsync();
        Assert.Equal(2, (await advisor.GetFromJsonAsync<Listed>($"/api/training/registrations?memberId={memberId}", SpacesScenario.Json))!.Total);
        var elsewhere = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        Assert.Equal(0, (await elsewhere.GetFromJsonAsync<Listed>($"/api/training/registrations?memberId={memberId}", SpacesScenario.Json))!.Total);
        Assert.Equal(0, (await scenario.Operator.GetFromJsonAsync<Listed>("/api/training/registrations/mine", SpacesScenario.Json))!.Total); // staff are no member
    }

    [Fact]
    public async Task Given_bad_paging_or_filters_Then_400_with_field_errors()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var (_, member, _) = await scenario.Spaces.MemberAsync();

        await (await member.GetAsync("/api/training/registrations/mine?page=0&pageSize=500")).AssertFieldErrorsAsync("page", "pageSize");
        await (await member.GetAsync("/api/training/registrations/mine?status=Attending")).AssertFieldErrorsAsync("status");
        await (await scenario.Operator.GetAsync($"/api/training/registrations?memberId={Guid.Empty}&schoolYear=1789")).AssertFieldErrorsAsync("memberId", "schoolYear");
    }

    [Fact]
    public async Task Given_a_session_for_2_Then_the_3rd_and_4th_are_emailed_their_positions_1_and_2_without_an_invitation()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay), capacity: 2));
        var registered = new List<Registration>();
        for (var n = 1; n <= 4; n++)
        {
            registered.Add(await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: NonMember(n))));
        }
        await app.WaitForBusIdleAsync();

        foreach (var (registration, position) in new[] { (registered[2], 1), (registered[3], 2) })
        {
            var mail = Assert.Single(scenario.MailsTo(registration.Email));
            Assert.Equal("Formation : vous êtes sur la liste d'attente de « Construire le budget de son projet »", mail.Subject);
            Assert.Contains($"en position {position}.", mail.TextBody);
            Assert.Contains("Prix : 480,00", mail.TextBody);
            Assert.Empty(mail.Attachments);
        }
        Assert.Contains("votre place", Assert.Single(scenario.MailsTo(registered[0].Email)).Subject);
    }
}
