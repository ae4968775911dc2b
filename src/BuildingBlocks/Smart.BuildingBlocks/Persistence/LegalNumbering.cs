using System.Data.Common;
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
    /// batch of messages): one lock, one round trip, consecutive numbers.
    /// </summary>
    public static async Task<IReadOnlyList<LegalNumber>> NextAsync(this IDocumentSession session, string schema, Guid entityId, string series, DateOnly issueDate,
        DateOnly today, int count, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        return await NextAsync(session.Connection, schema, entityId, series, issueDate, today, count, cancellationToken);
    }

    /// <summary>
    /// The numbers, on the session's connection, in its transaction (which commits or rolls them back with the
    /// documents). A date after today or before the series' last one is a 400 on <c>issueDate</c>, and nothing is taken.
    /// </summary>
    private static async Task<IReadOnlyList<LegalNumber>> NextAsync(DbConnection connection, string schema, Guid entityId, string series, DateOnly issueDate,
        DateOnly today, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (issueDate > today)
        {
            throw DateRefused($"A document cannot be dated in the future ({issueDate:yyyy-MM-dd}); today is {today:yyyy-MM-dd}.");
        }
        var year = issueDate.Year;
        // One round trip: lock the series of every year (a later year's document is dated later), read its last date,
        // then take the number. The date is checked after: refusing throws, and the transaction gives the number back.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection)
        {
            BatchCommands =
            {
                new($"SELECT max(last_issue_date) FROM (SELECT last_issue_date FROM {schema}.{TableName} WHERE entity_id = $1 AND series = $2 FOR UPDATE) s")
                {
                    Parameters = { new() { Value = entityId }, new() { Value = series } },
                },
                new($"""
                     INSERT INTO {schema}.{TableName} AS n (entity_id, series, year, last_number, last_issue_date) VALUES ($1, $2, $3, $5, $4)
                     ON CONFLICT (entity_id, series, year) DO UPDATE SET last_number = n.last_number + $5, last_issue_date = greatest(n.last_issue_date, excluded.last_issue_date)
                     RETURNING last_number
                     """)
                {
                    Parameters = { new() { Value = entityId }, new() { Value = series }, new() { Value = year }, new() { Value = issueDate }, new() { Value = count } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        DateOnly? lastIssueDate = await reader.IsDBNullAsync(0, cancellationToken) ? null : reader.GetFieldValue<DateOnly>(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var last = reader.GetInt32(0);
        if (issueDate < lastIssueDate)
        {
            throw DateRefused($"Numbers follow dates: the last document of series {series} is dated {lastIssueDate:yyyy-MM-dd}, after {issueDate:yyyy-MM-dd}.");
        }
        return Enumerable.Range(last - count + 1, count).Select(sequence => new LegalNumber(series, year, sequence)).ToList();
    }

    private static ValidationException DateRefused(string message) => new(message, [new ValidationFailure("IssueDate", message)]);
}
