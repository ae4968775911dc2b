using Marten;
using Marten.Schema;
using Npgsql;
using Smart.Modules.Governance.Domain.Newcomers;

namespace Smart.Modules.Governance;

/// <summary>The Marten configuration of newcomers and members' figures (welcome paths, sponsorship, typology, local budgets).</summary>
internal static class NewcomersStore
{
    /// <summary>Stored with their private state.</summary>
    public static readonly Type[] Aggregates = [typeof(MemberLifeRules), typeof(WelcomePath)];

    public static void AddNewcomers(this StoreOptions m)
    {
        m.Schema.For<MemberLifeRules>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version))
            .UniqueIndex(UniqueIndexType.Computed, "member_life_rules_entity_date", r => r.EntityId, r => r.EffectiveFrom);
        // One row per entry: a member's figures are their rows, an office's local budget the rows of its office.
        m.Schema.For<MemberFigure>().Index(f => f.MemberId).Index(f => f.Entry.OfficeId);
        m.Schema.For<InvoiceCopy>();
        m.Schema.For<WelcomePath>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(p => p.Version))
            .Index(p => p.OfficeId).Index(p => p.SponsorId);
    }

    /// <summary>
    /// Databases written before ADR 0121 hold each member's figures as one document listing every entry: its entries
    /// become rows (one per source), then the old table goes. Nothing to do on a database created since.
    /// </summary>
    public static async Task MoveFiguresToRowsAsync(this IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            DO $move$
            BEGIN
                IF to_regclass('{GovernanceStore.Schema}.mt_doc_memberfigures') IS NOT NULL THEN
                    INSERT INTO {GovernanceStore.Schema}.mt_doc_memberfigure (id, data, mt_dotnet_type)
                    SELECT (e ->> 'SourceId')::uuid, jsonb_build_object('Id', e -> 'SourceId', 'MemberId', to_jsonb(f.id), 'Entry', e), '{typeof(MemberFigure).FullName}'
                    FROM {GovernanceStore.Schema}.mt_doc_memberfigures f CROSS JOIN LATERAL jsonb_array_elements(f.data -> 'Entries') e
                    ON CONFLICT (id) DO NOTHING;
                    DROP TABLE {GovernanceStore.Schema}.mt_doc_memberfigures;
                END IF;
            END $move$;
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
