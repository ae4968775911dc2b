using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using static Smart.IntegrationTests.Spaces.SpacesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>Availability search and iCalendar feeds through HTTP.</summary>
public sealed class CalendarsAndAvailabilityTests(SpacesApp app) : IClassFixture<SpacesApp>
{
    private sealed record Available(Guid ResourceId, Guid PlaceId, string PlaceName, string Kind, string Name, int Capacity);

    private sealed record Feed(Guid Id, Guid? ResourceId, Guid? MemberId, string Url);

    [Fact]
    public async Task Given_rooms_for_6_12_and_20_in_Lille_Then_a_room_for_8_on_Tuesday_afternoon_is_the_12_then_the_20_once_the_12_is_booked()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var small = await scenario.ResourceAsync(new { kind = "MeetingRoom", name = "Salle Bleue", capacity = 6 }, new { audience = "Member", hourly = 10.00m });
        var large = await scenario.ResourceAsync(new { kind = "TrainingRoom", name = "Grande Salle", capacity = 20 }, new { audience = "Member", hourly = 30.00m });
        var lille = scenario.Structure.LilleOfficeId;
        string Search(string kind = "MeetingRoom") =>
            $"/api/spaces/availability?officeId={lille}&placeId={scenario.PlaceId}&kind={kind}&attendees=8&date=2026-03-03&start=14:00:00&end=18:00:00";

        Assert.Equal([scenario.RoomId], (await member.GetFromJsonAsync<List<Available>>(Search()))!.Select(r => r.ResourceId));
        await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "15:00:00", "16:00:00", activityId));
        Assert.Empty((await member.GetFromJsonAsync<List<Available>>(Search()))!);
        Assert.Equal([large], (await member.GetFromJsonAsync<List<Available>>(Search("TrainingRoom")))!.Select(r => r.ResourceId));
        Assert.DoesNotContain(small, (await member.GetFromJsonAsync<List<Available>>(
            $"/api/spaces/availability?placeId={scenario.PlaceId}&attendees=8&date=2026-03-03&start=14:00:00&end=18:00:00"))!.Select(r => r.ResourceId));
        // Sunday: closed.
        Assert.Empty((await member.GetFromJsonAsync<List<Available>>($"/api/spaces/availability?placeId={scenario.PlaceId}&date=2026-03-08&start=14:00:00&end=18:00:00"))!);

        await (await member.GetAsync($"/api/spaces/availability?placeId={scenario.PlaceId}&attendees=0&start=18:00:00&end=14:00:00")).AssertFieldErrorsAsync("attendees", "date", "end");
        await (await member.GetAsync("/api/spaces/availability?date=someday")).AssertFieldErrorsAsync("date");
        var otherEntity = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), scenario.Structure.OtherEntityId, scenario.Structure.OtherEntityOfficeId);
        Assert.Empty((await otherEntity.GetFromJsonAsync<List<Available>>($"/api/spaces/availability?officeId={lille}&date=2026-03-03&start=14:00:00&end=18:00:00"))!);
    }

    [Fact]
    public async Task Given_feeds_of_a_room_and_of_a_member_Then_their_secret_addresses_serve_the_bookings_as_iCalendar_without_login()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (memberId, member, activityId) = await scenario.MemberAsync();
        var (_, other, otherActivity) = await scenario.MemberAsync();
        await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId));
        await BookedAsync(await BookAsync(member, scenario.CoworkingId, Wednesday, "09:00:00", "18:00:00", activityId));
        await BookedAsync(await BookAsync(other, scenario.RoomId, Thursday, "14:00:00", "15:00:00", otherActivity));

        var roomFeed = (await (await other.PostAsJsonAsync("/api/spaces/calendar-feeds", new { resourceId = scenario.RoomId })).Content.ReadFromJsonAsync<Feed>())!;
        var myFeed = (await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds", new { })).Content.ReadFromJsonAsync<Feed>())!;
        var again = (await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds", new { })).Content.ReadFromJsonAsync<Feed>())!;
        var anonymous = app.CreateClient();
        var room = await anonymous.GetAsync(roomFeed.Url);
        var mine = await (await anonymous.GetAsync(myFeed.Url)).Content.ReadAsStringAsync();

        Assert.Equal((myFeed.Url, memberId), (again.Url, again.MemberId!.Value));
        Assert.Equal("text/calendar", room.Content.Headers.ContentType?.MediaType);
        var roomText = await room.Content.ReadAsStringAsync();
        Assert.Equal(2, roomText.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260303T100000", roomText);
        Assert.Contains("SUMMARY:Salle Jaune: booked", roomText);
        Assert.Equal(2, mine.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("SUMMARY:Plateau", mine);
        Assert.DoesNotContain("20260305T140000", mine);
        await (await anonymous.GetAsync("/api/spaces/calendars/" + new string('0', 48))).AssertProblemAsync(HttpStatusCode.NotFound);
        var otherEntity = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), scenario.Structure.OtherEntityId, scenario.Structure.OtherEntityOfficeId);
        await (await otherEntity.PostAsJsonAsync("/api/spaces/calendar-feeds", new { resourceId = scenario.RoomId })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds", new { resourceId = Guid.Empty })).AssertFieldErrorsAsync("resourceId");
    }

    [Fact]
    public async Task Given_feeds_of_a_member_and_of_a_room_revoked_Then_the_old_addresses_are_404_and_the_new_ones_serve_the_feed()
    {
        var scenario = await new SpacesScenario(app).StartAsync();
        var (_, member, activityId) = await scenario.MemberAsync();
        var (_, other, _) = await scenario.MemberAsync();
        await BookedAsync(await BookAsync(member, scenario.RoomId, Tuesday, "10:00:00", "12:00:00", activityId));
        var anonymous = app.CreateClient();
        var mine = (await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds", new { })).Content.ReadFromJsonAsync<Feed>())!;
        var room = (await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds", new { resourceId = scenario.RoomId })).Content.ReadFromJsonAsync<Feed>())!;

        await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds/revocation", new { resourceId = Guid.Empty })).AssertFieldErrorsAsync("resourceId");
        await (await other.PostAsJsonAsync("/api/spaces/calendar-feeds/revocation", new { })).AssertProblemAsync(HttpStatusCode.NotFound); // has no feed
        var otherEntity = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        await (await otherEntity.PostAsJsonAsync("/api/spaces/calendar-feeds/revocation", new { resourceId = scenario.RoomId })).AssertProblemAsync(HttpStatusCode.NotFound);
        var notStaff = await member.PostAsJsonAsync("/api/spaces/calendar-feeds/revocation", new { resourceId = scenario.RoomId });
        Assert.Equal("ResourceFeedsAreRevokedByStaff", (await notStaff.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(mine.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(room.Url)).StatusCode);

        var renewed = (await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds/revocation", new { })).Content.ReadFromJsonAsync<Feed>())!;
        var renewedRoom = (await (await scenario.Operator.PostAsJsonAsync("/api/spaces/calendar-feeds/revocation", new { resourceId = scenario.RoomId })).Content.ReadFromJsonAsync<Feed>())!;

        Assert.Equal(mine.Id, renewed.Id);
        Assert.NotEqual(mine.Url, renewed.Url);
        await (await anonymous.GetAsync(mine.Url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync(room.Url)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260303T100000", await (await anonymous.GetAsync(renewed.Url)).Content.ReadAsStringAsync());
        Assert.Contains("SUMMARY:Salle Jaune: booked", await (await anonymous.GetAsync(renewedRoom.Url)).Content.ReadAsStringAsync());
        Assert.Equal(renewed.Url, (await (await member.PostAsJsonAsync("/api/spaces/calendar-feeds", new { })).Content.ReadFromJsonAsync<Feed>())!.Url);
    }
}
