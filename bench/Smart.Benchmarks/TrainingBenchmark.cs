using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Host.Identity;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Seed;
using Smart.Modules.Training;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Catalogue;
using Smart.Modules.Training.Domain.Sessions;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>
/// Training (issue 14): a school year of 40 trainings and 400 registrations through HTTP and messages — each session's
/// room held in Spaces, each member's registration charged to their activity by Activities — then attendance and
/// delivery (written in the store: the bench runs on the real clock, before the sessions), 400 certificates rendered over
/// HTTP, and the year's figures (p50, p99; the issue's bar is under 200 ms).
/// </summary>
internal static class TrainingBenchmark
{
    private const string Password = "Bench-password-2026!";
    private const int Trainings = 40;
    private const int Trainees = 10;
    private const int Rooms = 4;

    public static async Task RunAsync(WebApplicationFactory<global::Program> factory, int samples)
    {
        var services = factory.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(8));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        MemberReference anyone;
        await using (var scope = services.CreateAsyncScope())
        {
            anyone = (await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<MemberReference?>(new FindMemberByEmail("member@smart.coop")))!;
        }
        var admin = await ClientAsync(factory, SmartRoles.Admin, null, anyone.EntityId, null);
        var staff = await ClientAsync(factory, SmartRoles.Operator, null, anyone.EntityId, null);
        var today = services.GetRequiredService<TimeProvider>().Today();
        var year = TrainingCourse.SchoolYearOf(today);
        await Expect(await admin.PutAsJsonAsync("/api/training/cancellation-rules", new { effectiveFrom = today, freeCancellationDays = 7 }), HttpStatusCode.NoContent);

        // The place and its rooms, and ten members each with an activity holding 9,000.00 (a 10,000.00 invoice less the contribution).
        var place = await CreatedAsync(staff, "/api/spaces/places", new
        {
            officeId = anyone.OfficeId, name = "Bench training place", address = "Lille", timeZone = "Europe/Paris",
            openingHours = Enum.GetValues<DayOfWeek>().Select(day => new { day = day.ToString(), opens = "08:00:00", closes = "20:00:00" }).ToArray(),
        });
        var rooms = new List<Guid>();
        for (var r = 0; r < Rooms; r++) rooms.Add(await CreatedAsync(staff, $"/api/spaces/places/{place}/resources", new { kind = "TrainingRoom", name = $"Salle {r}", capacity = 16 }));
        var trainees = new List<(HttpClient Client, Guid Activity)>();
        for (var t = 0; t < Trainees; t++)
        {
            var memberId = await CreatedAsync(admin, "/api/governance/members", new
            {
                kind = "Person", firstName = "Stagiaire", lastName = $"Bench{t}", email = $"trainee{t}-{Guid.NewGuid():N}@bench.smart.coop", officeId = anyone.OfficeId,
            });
            await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(1));
            var member = await ClientAsync(factory, SmartRoles.Member, memberId, anyone.EntityId, anyone.OfficeId);
            var activity = await CreatedAsync(member, "/api/activities/activities", new { name = $"Bench training {t}", kind = "Training", serviceTier = 1 });
            var client = await CreatedAsync(member, "/api/activities/clients", new
            {
                name = $"Client {t}", country = "FR", legalForm = "PublicBody", typology = "PublicBody",
                billingAddress = new { line1 = "1 place", postalCode = "59000", city = "Lille", country = "FR" }, billingEmail = "compta@example.org",
            });
            await CreatedAsync(member, "/api/activities/invoices", new
            {
                activityId = activity, clientId = client, issueDate = today, lines = new[] { new { description = "Bench", quantity = 1m, unitPrice = 10_000.00m } },
            });
            trainees.Add((member, activity));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(1));

        var wall = Stopwatch.GetTimestamp();
        var sessions = new List<Guid>();
        var firstDay = today.AddDays(8);
        for (var i = 0; i < Trainings; i++)
        {
            var training = await CreatedAsync(staff, "/api/training/trainings", new
            {
                schoolYear = year, axis = ((TrainingAxis)(1 + i % 6)).ToString(), title = $"Formation {i}", objectives = "Objectifs", programme = "Programme", prerequisites = "Aucun",
                days = 1, hours = 7, prices = new { member = 60.00m, nonMember = 240.00m, staff = 0m },
            });
            var day = firstDay.AddDays(i / Rooms);
            sessions.Add(await CreatedAsync(staff, "/api/training/sessions", new
            {
                kind = "Training", trainingId = training, officeId = anyone.OfficeId, capacity = 12, waitingList = true, roomId = rooms[i % Rooms],
                halfDays = new[] { new { date = day, start = "09:00:00", end = "12:30:00" }, new { date = day, start = "13:30:00", end = "17:00:00" } },
                trainers = new[] { new { name = "Hélène Caron", amount = 450.00m } },
            }));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var planned = Stopwatch.GetElapsedTime(wall).TotalSeconds;

        var registering = Stopwatch.GetTimestamp();
        foreach (var session in sessions)
        {
            // Five members of a session register at once: one saves per round, the others run again on fresh state.
            foreach (var batch in trainees.Chunk(5))
            {
                var answers = await Task.WhenAll(batch.Select(t => t.Client.PostAsJsonAsync($"/api/training/sessions/{session}/registrations", new { activityId = t.Activity })));
                foreach (var answer in answers) await Expect(answer, HttpStatusCode.Created);
            }
        }
        var answered = Stopwatch.GetElapsedTime(registering).TotalSeconds;
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var registered = Stopwatch.GetElapsedTime(registering).TotalSeconds;
        var total = Stopwatch.GetElapsedTime(wall).TotalSeconds;

        var store = services.GetRequiredService<ITrainingStore>();
        int confirmed, charged;
        await using (var query = store.QuerySession())
        {
            var loaded = await query.LoadManyAsync<Session>(sessions);
            confirmed = loaded.Count(s => s.Status == SessionStatus.Confirmed);
            charged = loaded.Sum(s => s.Registrations.Count(r => r.Charged > 0));
        }
        Console.WriteLine($"Training, a school year through HTTP and messages: {Trainings} trainings and sessions planned in {planned:F1} s ({confirmed} rooms held by Spaces), "
            + $"{Trainings * Trainees} registrations answered over HTTP in {answered:F1} s ({Trainings * Trainees / answered:F1}/s{PhysicalLimit.Share(Trainings * Trainees / answered)}), their charges and invitations delivered after "
            + $"{registered:F1} s ({charged} charged to activities); {total:F1} s in all");

        // Attendance and delivery as the sign-in sheets would record them after the sessions.
        await using (var write = store.LightweightSession())
        {
            var after = services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(60);
            foreach (var session in await write.LoadManyAsync<Session>(sessions))
            {
                var present = session.Registrations.Select(r => r.Id).ToHashSet();
                session.SignIn(1, present, after);
                session.SignIn(2, present.Skip(1).ToHashSet(), after);
                foreach (var r in session.Registrations.Take(6)) session.GiveFeedback(r, new Feedback([new Rating("Contenu", 3 + r.Name.Length % 3)], null, after));
                session.Deliver(after);
                write.UpdateRevision(session, session.Version + 1);
            }
            await write.SaveChangesAsync();
        }
        var certificates = Stopwatch.GetTimestamp();
        foreach (var session in sessions)
        {
            var view = await staff.GetFromJsonAsync<SessionView>($"/api/training/sessions/{session}");
            foreach (var registration in view!.Registrations)
            {
                var page = await staff.GetAsync($"/api/training/sessions/{session}/registrations/{registration.Id}/certificate");
                await Expect(page, HttpStatusCode.OK);
            }
        }
        var rendered = Stopwatch.GetElapsedTime(certificates).TotalSeconds;
        Console.WriteLine($"Training certificates: {Trainings * Trainees} rendered over HTTP in {rendered:F1} s ({Trainings * Trainees / rendered:F0}/s)");

        var timings = new List<double>();
        for (var i = 0; i < samples + 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await staff.GetAsync($"/api/training/figures?schoolYear={year}");
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await Expect(response, HttpStatusCode.OK);
            if (i >= 20) timings.Add(elapsed);
        }
        Console.WriteLine($"Training figures of the year ({Trainings} delivered sessions, {Trainings * Trainees} trainees) over HTTP, {samples} reads: "
            + $"p50 {Stats.Percentile(timings, 0.50):F1} ms, p99 {Stats.Percentile(timings, 0.99):F1} ms");
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<global::Program> factory, string role, Guid? memberId, Guid? entityId, Guid? officeId)
    {
        var email = $"training-bench-{Guid.NewGuid():N}@smart.coop";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAsync(email, Password, role, memberId, entityId, officeId);
        }
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<Token>())!.AccessToken);
        return client;
    }

    private static async Task<Guid> CreatedAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private sealed record SessionView(List<RegistrationView> Registrations);

    private sealed record RegistrationView(Guid Id);

    private sealed record Token(string AccessToken);

    private sealed record Created(Guid Id);
}
