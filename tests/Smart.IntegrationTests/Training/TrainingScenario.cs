using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Training;

/// <summary>The real host with a clock the tests move, from Monday 2026-03-02 08:00 UTC (09:00 in Lille).</summary>
public sealed class TrainingApp : SmartApp
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public TrainingApp() => WithManualClock(Start);
}

/// <summary>
/// SmartFr with Bazaar St-So (a meeting room for 12, Salle Jaune) from the Spaces scenario, a 7-day cancellation rule from
/// today, a training activity selling the programme (it invoices non-members) from today, and a 2-day training of 14 hours
/// at 120.00 for members (480.00 for non-members) in the 2025–2026 catalogue.
/// </summary>
public sealed class TrainingScenario(SmartApp app)
{
    public sealed record Registration(Guid Id, Guid SessionId, string Audience, Guid? MemberId, Guid? ActivityId, string Name, string Email, string Status,
        int WaitingPosition, decimal Price, decimal Charged, List<int> HalfDaysAttended, decimal HoursAttended, decimal Invoiced, string? InvoiceNumber);

    public sealed record Cancellation(Guid RegistrationId, bool ChargeReversed, decimal ChargeKept, List<Guid> Promoted, bool InvoiceCredited);

    public sealed record SessionInfo(Guid Id, string Status, Guid? RoomId, string? VenueName, string? RoomProblem, int Confirmed, int Waiting, List<Registration> Registrations,
        List<HalfDay> HalfDays);

    public sealed record HalfDay(DateOnly Date, TimeOnly Start, TimeOnly End);

    /// <summary>Tuesday 17 and Wednesday 18 March 2026: more than 7 days ahead, so cancelling now is free.</summary>
    public static readonly DateOnly FirstDay = new(2026, 3, 17);

    public SpacesScenario Spaces { get; } = new(app);

    public Structure Structure => Spaces.Structure;

    public HttpClient Operator => Spaces.Operator;

    public Guid TrainingId { get; private set; }

    public Guid ProgrammeActivityId { get; private set; }

    public HttpClient Admin { get; private set; } = null!;

    public async Task<TrainingScenario> StartAsync()
    {
        await Spaces.StartAsync();
        var admin = Admin = await app.AdminClientAsync(Structure);
        var today = DateOnly.FromDateTime(app.Clock!.GetUtcNow().UtcDateTime);
        var rule = await admin.PutAsJsonAsync("/api/training/cancellation-rules", new { effectiveFrom = today, freeCancellationDays = 7 });
        Assert.True(rule.StatusCode == HttpStatusCode.NoContent, await rule.Content.ReadAsStringAsync());
        var (_, coordinator) = await Spaces.Payroll.Activities.MemberAsync();
        ProgrammeActivityId = await OpenActivityAsync(coordinator, "Programme de formation", "Training");
        var programme = await admin.PutAsJsonAsync("/api/training/programme-activity", new { effectiveFrom = today, activityId = ProgrammeActivityId });
        Assert.True(programme.StatusCode == HttpStatusCode.NoContent, await programme.Content.ReadAsStringAsync());
        TrainingId = await CreatedIdAsync(await Operator.PostAsJsonAsync("/api/training/trainings", Training()));
        return this;
    }

    public static object Training(string title = "Construire le budget de son projet") => new
    {
        schoolYear = 2025, axis = "FinancialManagement", title, objectives = "Établir un budget prévisionnel", programme = "Jour 1 : charges ; jour 2 : trésorerie",
        prerequisites = "Aucun", days = 2, hours = 14, prices = new { member = 120.00m, nonMember = 480.00m, staff = 0m },
    };

    /// <summary>Four half-days of 3.5 h (09:00–12:30, 13:30–17:00) on two days from <paramref name="first"/>.</summary>
    public static object[] TwoDays(DateOnly first) =>
    [
        new { date = first, start = "09:00:00", end = "12:30:00" }, new { date = first, start = "13:30:00", end = "17:00:00" },
        new { date = first.AddDays(1), start = "09:00:00", end = "12:30:00" }, new { date = first.AddDays(1), start = "13:30:00", end = "17:00:00" },
    ];

    public object Session(object[] halfDays, int capacity = 12, bool waitingList = true, Guid? roomId = null, object? venue = null, object[]? trainers = null) => new
    {
        kind = "Training", trainingId = TrainingId, officeId = Structure.LilleOfficeId, halfDays, capacity, waitingList, roomId,
        venue = roomId is null ? venue ?? new { name = "Médiathèque Jean Lévy", address = "32 rue Édouard Delesalle, Lille" } : null,
        trainers = trainers ?? [new { name = "Hélène Caron", amount = 450.00m }],
    };

    /// <summary>Plans a session as the operator and waits until Spaces answered for its room.</summary>
    public async Task<Guid> PlanAsync(object session)
    {
        var id = await CreatedIdAsync(await Operator.PostAsJsonAsync("/api/training/sessions", session));
        await app.WaitForBusIdleAsync();
        return id;
    }

    public async Task<SessionInfo> GetAsync(HttpClient client, Guid sessionId) =>
        (await client.GetFromJsonAsync<SessionInfo>($"/api/training/sessions/{sessionId}", SpacesScenario.Json))!;

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, Guid sessionId, Guid? activityId = null, object? trainee = null) =>
        client.PostAsJsonAsync($"/api/training/sessions/{sessionId}/registrations", new { activityId, trainee });

    public static async Task<Registration> RegisteredAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<Registration>(body, SpacesScenario.Json)!;
    }

    public static object NonMember(int n) => new
    {
        name = $"Stagiaire {n}", email = $"stagiaire{n}-{Guid.NewGuid():N}@example.org", audience = "NonMember",
        address = new { line1 = $"{n} rue Nationale", postalCode = "59000", city = "Lille", country = "FR" },
    };

    public Task<HttpClient> AdvisorAsync() => app.ClientAsync(SmartRoles.Advisor, entityId: Structure.EntityId, officeId: Structure.LilleOfficeId);

    public List<MimeMessage> Mails() =>
        app.Mails.ReceivedEmail.ToList();

    /// <summary>The e-mails sent to one address, in the order received.</summary>
    public List<MimeMessage> MailsTo(string address) => Mails().Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    /// <summary>The .ics invitation attached to an e-mail, as text.</summary>
    public static async Task<string> IcsOf(MimeMessage mail)
    {
        var invitation = Assert.Single(mail.Attachments.OfType<MimePart>(), p => p.FileName == "invitation.ics");
        using var ics = new MemoryStream();
        await invitation.Content!.DecodeToAsync(ics);
        return System.Text.Encoding.UTF8.GetString(ics.ToArray());
    }
}
