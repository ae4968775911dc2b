using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Payroll;
using Smart.Modules.Spaces;
using Marten;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Spaces;

/// <summary>The real host with a clock the tests move, from Monday 2026-03-02 08:00 UTC (09:00 in Lille).</summary>
public sealed class SpacesApp : SmartApp
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public SpacesApp() => WithManualClock(Start);
}

/// <summary>
/// Bazaar St-So in Lille (SmartFr), open Monday to Saturday 08:00–20:00, with a meeting room for 12, a coworking area of
/// 20 desks and a workshop; members with an activity holding 900.00 (1,000.00 invoiced, 10 % contribution).
/// </summary>
public sealed class SpacesScenario(SmartApp app)
{
    public sealed record Booking(Guid Id, Guid ResourceId, Guid? MemberId, Guid? ActivityId, string? OutsiderName, DateOnly Date, TimeOnly Start, TimeOnly End,
        string Audience, decimal Price, string Status, decimal Charged, decimal? CancellationFee, Guid? SeriesId = null);

    public sealed record Cancellation(Guid BookingId, bool Free, decimal Fee, List<Guid> Promoted);

    public static readonly DateOnly Tuesday = new(2026, 3, 3);
    public static readonly DateOnly Wednesday = new(2026, 3, 4);
    public static readonly DateOnly Thursday = new(2026, 3, 5);
    public static readonly DateOnly Friday = new(2026, 3, 6);

    public PayrollScenario Payroll { get; } = new(app);

    public Structure Structure => Payroll.Activities.Structure;

    public HttpClient Operator { get; private set; } = null!;

    public Guid PlaceId { get; private set; }

    public Guid RoomId { get; private set; }

    public Guid CoworkingId { get; private set; }

    public Guid WorkshopId { get; private set; }

    public async Task<SpacesScenario> StartAsync()
    {
        await Payroll.StartAsync();
        Operator = await app.ClientAsync(SmartRoles.Operator, entityId: Structure.EntityId);
        PlaceId = await CreatedIdAsync(await Operator.PostAsJsonAsync("/api/spaces/places", Place(Structure.LilleOfficeId, "Bazaar St-So " + Guid.NewGuid().ToString("N")[..6])));
        RoomId = await ResourceAsync(new { kind = "MeetingRoom", name = "Salle Jaune", capacity = 12 },
            new { audience = "Member", hourly = 20.00m }, new { audience = "Outsider", hourly = 35.00m });
        CoworkingId = await ResourceAsync(new { kind = "CoworkingArea", name = "Plateau", capacity = 20 },
            new { audience = "Member", hourly = 3.00m, halfDay = 8.00m, day = 15.00m, freeOn = new[] { "Friday" } }, new { audience = "Outsider", day = 25.00m });
        WorkshopId = await ResourceAsync(new { kind = "Workshop", name = "Atelier 3", capacity = 1 }, new { audience = "Member", day = 30.00m });
        return this;
    }

    public static object Place(Guid officeId, string name) => new
    {
        officeId, name, address = "292 rue Camille Guérin, 59000 Lille", timeZone = "Europe/Paris",
        openingHours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" }
            .Select(day => new { day, opens = "08:00:00", closes = "20:00:00" }).ToArray(),
    };

    /// <summary>A resource of the place with member (and outsider) rates from today, free to cancel until 24 h before.</summary>
    public async Task<Guid> ResourceAsync(object resource, params object[] rates)
    {
        var id = await CreatedIdAsync(await Operator.PostAsJsonAsync($"/api/spaces/places/{PlaceId}/resources", resource));
        var prices = await Operator.PutAsJsonAsync($"/api/spaces/resources/{id}/prices",
            new { effectiveFrom = DateOnly.FromDateTime(SpacesApp.Start.UtcDateTime), halfDayHours = 4m, freeCancellationHours = 24, rates });
        Assert.True(prices.StatusCode == HttpStatusCode.NoContent, await prices.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A member of the Lille office whose activity holds 900.00.</summary>
    public async Task<(Guid MemberId, HttpClient Client, Guid ActivityId)> MemberAsync()
    {
        var (memberId, member, activityId, _) = await Payroll.ActivityWith900Async();
        return (memberId, member, activityId);
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, Guid resourceId, DateOnly date, string start, string end, Guid? activityId,
        bool waitIfFull = false, object? outsider = null, int attendees = 1) =>
        client.PostAsJsonAsync("/api/spaces/bookings", new { resourceId, date, start, end, activityId, outsider, attendees, waitIfFull });

    public static async Task<Booking> BookedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<Booking>(body, Json)!;
    }

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record Entry(Guid SourceId, decimal Amount, string Source);

    private sealed record Entries(List<Entry> Items);

    /// <summary>What the activity's ledger holds for a charge (its entries and their sum), once the bus is idle, as its member reads it.</summary>
    public async Task<(int Entries, decimal Sum)> LedgerAsync(HttpClient member, Guid activityId, Guid chargeId)
    {
        await app.WaitForBusIdleAsync();
        var entries = (await member.GetFromJsonAsync<Entries>($"/api/activities/activities/{activityId}/budget/entries?pageSize=500"))!.Items
            .Where(e => e.SourceId == chargeId).ToList();
        return (entries.Count, entries.Sum(e => e.Amount));
    }

    public Task<int> BookingsAsync(Guid resourceId) =>
        app.QueryStoreAsync<ISpacesStore, int>(session => session.Query<Smart.Modules.Spaces.Domain.Bookings.Booking>().CountAsync(b => b.ResourceId == resourceId));
}
