using FluentValidation;
using FluentValidation.Results;
using Marten;
using Npgsql;
using Smart.BuildingBlocks.Domain;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>
/// The one numbering service of every legal series (invoices, credit notes, quotes, contract documents, GDC invoices,
/// declarations): gap-free per entity, series and year, taken inside the issuing transaction. The series' row stays
/// locked until that transaction ends, so concurrent issuers queue; a rolled-back transaction gives its number back
/// (no hole) and a committed one never hands it out again (no reuse). A document's date follows the series (French
/// chronological numbering): never after today, never before the last document of the series, whatever its year.
/// Each module keeps the table in its own schema (<see cref="Table"/>).
/// </summary>
public static class LegalNumbering
{
    public const string TableName = "legal_numbers";

    /// <summary>The series table of a module's schema, for its Marten store to create (one of its extended schema objects).</summary>
    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<Guid>("entity_id").AsPrimaryKey();
        table.AddColumn<string>("series").AsPrimaryKey();
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        table.AddColumn("last_issue_date", "date").NotNull();
        return table;
    }

    /// <summary>The next number of a series, in the Marten session's transaction (begun here if it was not).</summary>
    public static async Task<LegalNumber> NextAsync(this IDocumentSession session, string schema, Guid entityId, string series, DateOnly issueDate, DateOnly today,
        CancellationToken cancellationToken) =>
        (await session.NextAsync(schema, entityId, series, issueDate, today, 1, cancellationToken))[0];

    /// <summary>
    /// The next <paramref name="count"/> numbers of a series, for documents of one date issued in one transaction (a
    /// batch of messages): one lock, one round trip, consecutive numbers. A refused date is a 400 on <c>issueDate</c>.
    /// </summary>
    public static async Task<IReadOnlyList<LegalNumber>> NextAsync(this IDocumentSession session, string schema, Guid entityId, string series, DateOnly issueDate,
        DateOnly today, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var numbers = await session.NextForDatesAsync(schema, entityId, series, Enumerable.Repeat(issueDate, count).ToList(), today, cancellationToken);
        return numbers.Select(n => n.Number ?? throw n.Refusal!).ToList();
    }

    /// <summary>
    /// Numbers for documents of several dates issued in one transaction (a group of calls, ADR 0132), in the series' order
    /// of dates: one lock, one round trip. Each date gets its number or its own refusal (after today, or before the
    /// series' last document — a 400 on <c>issueDate</c>); a refused date takes nothing, the others are numbered without
    /// a hole. The answer follows <paramref name="issueDates"/>' order; equal dates are numbered in that order.
    /// </summary>
    public static async Task<IReadOnlyList<NumberOrRefusal>> NextForDatesAsync(this IDocumentSession session, string schema, Guid entityId, string series,
        IReadOnlyList<DateOnly> issueDates, DateOnly today, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        var answers = new NumberOrRefusal[issueDates.Count];
        var candidates = Enumerable.Range(0, issueDates.Count).Where(i => issueDates[i] <= today).OrderBy(i => issueDates[i]).ToList();
        foreach (var i in Enumerable.Range(0, issueDates.Count).Except(candidates))
        {
            answers[i] = new(null, DateRefused($"A document cannot be dated in the future ({issueDates[i]:yyyy-MM-dd}); today is {today:yyyy-MM-dd}."));
        }
        if (candidates.Count == 0) return answers;

        // One round trip: lock the series of every year (a later year's document is dated later); then, in one statement
        // reading the series under that lock, take per year as many numbers as there are dates on or after the series'
        // last date, and answer that date with the numbers taken, so that what is numbered here is what was counted there.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)session.Connection!)
        {
            BatchCommands =
            {
                new($"SELECT count(*) FROM (SELECT 1 FROM {schema}.{TableName} WHERE entity_id = $1 AND series = $2 FOR UPDATE) s")
                {
                    Parameters = { new() { Value = entityId }, new() { Value = series } },
                },
                new($"""
                     WITH last AS (SELECT max(last_issue_date) AS day FROM {schema}.{TableName} WHERE entity_id = $1 AND series = $2),
                     taken AS (SELECT extract(year FROM day)::int AS year, count(*)::int AS count, max(day) AS day FROM unnest($3::date[]) AS day
                               WHERE day >= coalesce((SELECT day FROM last), '-infinity'::date) GROUP BY 1),
                     numbered AS (INSERT INTO {schema}.{TableName} AS n (entity_id, series, year, last_number, last_issue_date)
                                  SELECT $1, $2, year, count, day FROM taken
                                  ON CONFLICT (entity_id, series, year) DO UPDATE SET last_number = n.last_number + excluded.last_number,
                                      last_issue_date = greatest(n.last_issue_date, excluded.last_issue_date)
                                  RETURNING year, last_number)
                     SELECT (SELECT day FROM last), numbered.year, numbered.last_number, taken.count
                     FROM (SELECT) AS one LEFT JOIN (numbered JOIN taken USING (year)) ON true
                     """)
                {
                    Parameters = { new() { Value = entityId }, new() { Value = series }, new() { Value = candidates.Select(i => issueDates[i]).ToArray() } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        DateOnly? lastIssueDate = null;
        var taken = new Dictionary<int, (int Last, int Count)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lastIssueDate = await reader.IsDBNullAsync(0, cancellationToken) ? null : reader.GetFieldValue<DateOnly>(0);
            if (!await reader.IsDBNullAsync(1, cancellationToken)) taken[reader.GetInt32(1)] = (reader.GetInt32(2), reader.GetInt32(3));
        }

        var numbered = candidates.Where(i => lastIssueDate is null || issueDates[i] >= lastIssueDate).ToList();
        foreach (var year in numbered.GroupBy(i => issueDates[i].Year))
        {
            var (last, count) = taken[year.Key];
            var sequence = last - count;
            foreach (var i in year) answers[i] = new(new LegalNumber(series, year.Key, ++sequence), null);
        }
        foreach (var i in candidates.Except(numbered))
        {
            answers[i] = new(null, DateRefused(
                $"Numbers follow dates: the last document of series {series} is dated {lastIssueDate:yyyy-MM-dd}, after {issueDates[i]:yyyy-MM-dd}."));
        }
        return answers;
    }

    private static ValidationException DateRefused(string message) => new(message, [new ValidationFailure("IssueDate", message)]);
}

/// <summary>A date's answer from the numbering: its number, or why it was refused (a 400 on <c>issueDate</c>).</summary>
public sealed record NumberOrRefusal(LegalNumber? Number, ValidationException? Refusal);
