using FluentValidation;
using Marten;
using JasperFx;
using Npgsql;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Persistence;

/// <summary>A database of its own with a Marten store whose schema has the series table, as a module's store creates it.</summary>
public sealed class NumberingDatabase : IAsyncLifetime
{
    public const string Schema = "numbering";

    public TestDatabase Database { get; } = TestDatabase.Create();

    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(TestDatabase.ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database.Name}", server);
            await create.ExecuteNonQueryAsync();
        }
        Store = DocumentStore.For(options =>
        {
            options.Connection(Database.ConnectionString);
            options.DatabaseSchemaName = Schema;
            options.Schema.For<NumberedDocument>();
            options.Storage.ExtendedSchemaObjects.Add(LegalNumbering.Table(Schema));
            options.DisableNpgsqlLogging = true;
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
    }

    public async Task DisposeAsync()
    {
        Store.Dispose();
        await Database.DisposeAsync();
    }
}

/// <summary>A document issued with a number, saved with it.</summary>
public sealed record NumberedDocument(Guid Id, string Number);

/// <summary>
/// The one numbering service of every legal series: gap-free per entity, series and year under concurrency and
/// rollbacks, dates following the series.
/// </summary>
public sealed class LegalNumberingTests(NumberingDatabase numbering) : IClassFixture<NumberingDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData("FA")] // invoices
    [InlineData("AV")] // credit notes
    [InlineData("DE")] // quotes
    [InlineData("CT")] // contract documents
    [InlineData("GDC")] // employer invoices of contract management
    [InlineData("DPAE")] // pre-employment declarations
    public async Task Given_1000_concurrent_issues_with_some_rolled_back_Then_the_committed_numbers_are_1_to_1000(string series)
    {
        var entityId = Guid.NewGuid();
        var committed = new List<int>();
        var rolledBack = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            // Every 10th issuer fails after taking its number (the document did not save), then tries again.
            for (var attempt = 0; ; attempt++)
            {
                await using var session = numbering.Store.LightweightSession();
                var number = await session.NextAsync(NumberingDatabase.Schema, entityId, series, Today, Today, ct);
                if (i % 10 == 0 && attempt == 0)
                {
                    Interlocked.Increment(ref rolledBack);
                    continue; // the session is disposed without saving: rolled back
                }
                session.Store(new NumberedDocument(Guid.NewGuid(), number.ToString()));
                await session.SaveChangesAsync(ct);
                lock (committed) committed.Add(number.Sequence);
                return;
            }
        });

        Assert.Equal(100, rolledBack);
        Assert.Equal(Enumerable.Range(1, 1000), committed.Order());
    }

    [Fact]
    public async Task Given_numbers_of_two_entities_and_two_years_Then_each_series_counts_on_its_own()
    {
        var (smartFr, smartBe) = (Guid.NewGuid(), Guid.NewGuid());

        var taken = new List<LegalNumber>
        {
            await TakeAsync(smartFr, "FA", new DateOnly(2025, 12, 31)),
            await TakeAsync(smartFr, "FA", new DateOnly(2026, 1, 2)),
            await TakeAsync(smartFr, "AV", new DateOnly(2026, 1, 2)),
            await TakeAsync(smartBe, "FA", new DateOnly(2026, 1, 3)),
            await TakeAsync(smartFr, "FA", new DateOnly(2026, 1, 3)),
        };

        Assert.Equal(["FA2025-000001", "FA2026-000001", "AV2026-000001", "FA2026-000001", "FA2026-000002"], taken.Select(n => n.ToString()));
    }

    [Fact]
    public async Task Given_a_series_with_a_document_of_2026_Then_a_date_in_2022_is_refused_with_400_and_takes_no_number()
    {
        var entityId = Guid.NewGuid();
        await TakeAsync(entityId, "FA", new DateOnly(2026, 3, 10));

        // FA2022-000001 dated 2022-12-14 would come after invoices of 2026: French chronological numbering forbids it.
        var refused = await Assert.ThrowsAsync<ValidationException>(() => TakeAsync(entityId, "FA", new DateOnly(2022, 12, 14)));
        var earlier = await Assert.ThrowsAsync<ValidationException>(() => TakeAsync(entityId, "FA", new DateOnly(2026, 3, 9)));
        var future = await Assert.ThrowsAsync<ValidationException>(() => TakeAsync(entityId, "FA", Today.AddDays(1)));

        Assert.All(new[] { refused, earlier, future }, e => Assert.Equal("IssueDate", Assert.Single(e.Errors).PropertyName));
        Assert.Contains("2026-03-10", refused.Message);
        Assert.Equal("FA2026-000002", (await TakeAsync(entityId, "FA", new DateOnly(2026, 3, 10))).ToString());
        Assert.Equal("FA2022-000001", (await TakeAsync(Guid.NewGuid(), "FA", new DateOnly(2022, 12, 14))).ToString()); // a series of its own may start in the past
    }

    [Fact]
    public async Task Given_a_Marten_session_Then_its_number_commits_with_its_changes_and_a_discarded_session_gives_it_back()
    {
        var entityId = Guid.NewGuid();

        await using (var discarded = numbering.Store.LightweightSession())
        {
            Assert.Equal(1, (await discarded.NextAsync(NumberingDatabase.Schema, entityId, "DE", Today, Today, CancellationToken.None)).Sequence);
        } // disposed without saving: rolled back
        Assert.Equal(1, (await TakeAsync(entityId, "DE", Today)).Sequence);

        Assert.Equal("DE2026-000002", (await TakeAsync(entityId, "DE", Today)).ToString());
    }

    [Fact]
    public async Task Given_a_batch_taking_3_declaration_numbers_at_once_after_2_Then_it_gets_3_to_5_and_a_discarded_batch_gives_all_back()
    {
        var entityId = Guid.NewGuid();
        await TakeAsync(entityId, "DPAE", Today);
        await TakeAsync(entityId, "DPAE", Today);

        await using (var discarded = numbering.Store.LightweightSession())
        {
            var lost = await discarded.NextAsync(NumberingDatabase.Schema, entityId, "DPAE", Today, Today, 3, CancellationToken.None);
            Assert.Equal([3, 4, 5], lost.Select(n => n.Sequence));
        } // disposed without saving: rolled back
        await using (var saved = numbering.Store.LightweightSession())
        {
            var numbers = await saved.NextAsync(NumberingDatabase.Schema, entityId, "DPAE", Today, Today, 3, CancellationToken.None);
            saved.Store(numbers.Select(n => new NumberedDocument(Guid.NewGuid(), n.ToString())).ToArray());
            await saved.SaveChangesAsync();
            Assert.Equal(["DPAE2026-000003", "DPAE2026-000004", "DPAE2026-000005"], numbers.Select(n => n.ToString()));
        }

        Assert.Equal("DPAE2026-000006", (await TakeAsync(entityId, "DPAE", Today)).ToString());
    }

    [Fact]
    public async Task Given_a_group_of_six_dates_after_a_document_of_2026_03_08_numbered_4_Then_the_dates_in_order_get_5_to_8_and_the_earlier_and_future_ones_nothing()
    {
        var entityId = Guid.NewGuid();
        for (var i = 0; i < 4; i++) await TakeAsync(entityId, "FA", new DateOnly(2026, 3, 8));
        DateOnly[] dates = [new(2026, 3, 12), new(2026, 3, 5), new(2026, 3, 10), Today.AddDays(1), new(2026, 3, 10), new(2026, 3, 8)];

        await using (var session = numbering.Store.LightweightSession())
        {
            var answers = await session.NextForDatesAsync(NumberingDatabase.Schema, entityId, "FA", dates, Today, CancellationToken.None);
            session.Store(answers.Where(a => a.Number is not null).Select(a => new NumberedDocument(Guid.NewGuid(), a.Number!.ToString())).ToArray());
            await session.SaveChangesAsync();

            // By date, equal dates in the order asked: 03-08 → 5, 03-10 → 6 and 7, 03-12 → 8.
            Assert.Equal(["FA2026-000008", null, "FA2026-000006", null, "FA2026-000007", "FA2026-000005"], answers.Select(a => a.Number?.ToString()));
            Assert.Contains("2026-03-08", answers[1].Refusal!.Message);
            Assert.Contains("in the future", answers[3].Refusal!.Message);
            Assert.All(new[] { answers[1], answers[3] }, a => Assert.Equal("IssueDate", Assert.Single(a.Refusal!.Errors).PropertyName));
        }

        Assert.Equal("FA2026-000009", (await TakeAsync(entityId, "FA", new DateOnly(2026, 3, 12))).ToString());
    }

    [Fact]
    public async Task Given_a_group_of_dates_across_new_year_in_a_new_series_Then_each_year_counts_from_1()
    {
        var entityId = Guid.NewGuid();
        await using var session = numbering.Store.LightweightSession();

        var answers = await session.NextForDatesAsync(NumberingDatabase.Schema, entityId, "AV", [new(2026, 1, 2), new(2025, 12, 31), new(2026, 1, 2)], Today,
            CancellationToken.None);
        await session.SaveChangesAsync();

        Assert.Equal(["AV2026-000001", "AV2025-000001", "AV2026-000002"], answers.Select(a => a.Number!.ToString()));
    }

    /// <summary>A document numbered and saved in a session of its own.</summary>
    private async Task<LegalNumber> TakeAsync(Guid entityId, string series, DateOnly date)
    {
        await using var session = numbering.Store.LightweightSession();
        var number = await session.NextAsync(NumberingDatabase.Schema, entityId, series, date, Today, CancellationToken.None);
        session.Store(new NumberedDocument(Guid.NewGuid(), number.ToString()));
        await session.SaveChangesAsync();
        return number;
    }
}
