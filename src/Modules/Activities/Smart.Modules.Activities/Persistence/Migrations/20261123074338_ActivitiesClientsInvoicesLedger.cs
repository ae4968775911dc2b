using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Smart.Modules.Activities.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActivitiesClientsInvoicesLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coordinator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    service_tier = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clients",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    legal_form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vat_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    billing_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    payment_terms_days = table.Column<int>(type: "integer", nullable: false),
                    typology = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BillingAddress_City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BillingAddress_Country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    BillingAddress_Line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BillingAddress_Line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BillingAddress_PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_sequences",
                schema: "activities",
                columns: table => new
                {
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false),
                    last_issue_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_sequences", x => new { x.entity_id, x.kind, x.year });
                });

            migrationBuilder.CreateTable(
                name: "payment_terms_defaults",
                schema: "activities",
                columns: table => new
                {
                    typology = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_terms_defaults", x => new { x.typology, x.effective_from });
                });

            migrationBuilder.CreateTable(
                name: "budget_entries",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_budget_entries_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "activities",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    total_net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    total_vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    total_gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    vat_mention = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contribution_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    contribution_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    credited_net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    credited_vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    credited_contribution = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoices_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "activities",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_clients_client_id",
                        column: x => x.client_id,
                        principalSchema: "activities",
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_notes",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    contribution_refund = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_notes_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalSchema: "activities",
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                schema: "activities",
                columns: table => new
                {
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_lines", x => new { x.invoice_id, x.position });
                    table.ForeignKey(
                        name: "fk_invoice_lines_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalSchema: "activities",
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "activities",
                table: "payment_terms_defaults",
                columns: new[] { "effective_from", "typology", "days" },
                values: new object[,]
                {
                    { new DateOnly(2013, 1, 1), "Abroad", 45 },
                    { new DateOnly(2013, 1, 1), "Association", 30 },
                    { new DateOnly(2013, 1, 1), "Company", 30 },
                    { new DateOnly(2013, 1, 1), "Individual", 15 },
                    { new DateOnly(2013, 1, 1), "PublicBody", 30 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_coordinator_id",
                schema: "activities",
                table: "activities",
                column: "coordinator_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_entity_id_office_id",
                schema: "activities",
                table: "activities",
                columns: new[] { "entity_id", "office_id" });

            migrationBuilder.CreateIndex(
                name: "ix_budget_entries_activity_id_date",
                schema: "activities",
                table: "budget_entries",
                columns: new[] { "activity_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_budget_entries_activity_id_source_source_id_kind_date",
                schema: "activities",
                table: "budget_entries",
                columns: new[] { "activity_id", "source", "source_id", "kind", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clients_entity_id_name",
                schema: "activities",
                table: "clients",
                columns: new[] { "entity_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_clients_entity_id_vat_number",
                schema: "activities",
                table: "clients",
                columns: new[] { "entity_id", "vat_number" },
                unique: true,
                filter: "vat_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_entity_id_year_sequence",
                schema: "activities",
                table: "credit_notes",
                columns: new[] { "entity_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_invoice_id",
                schema: "activities",
                table: "credit_notes",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_activity_id",
                schema: "activities",
                table: "invoices",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_client_id",
                schema: "activities",
                table: "invoices",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_entity_id_year_sequence",
                schema: "activities",
                table: "invoices",
                columns: new[] { "entity_id", "year", "sequence" },
                unique: true);

            // The budget ledger is append-only: corrections are new entries, never edits.
            migrationBuilder.Sql("""
                CREATE FUNCTION activities.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'activities.budget_entries is append-only';
                END $$;
                CREATE TRIGGER budget_entries_append_only BEFORE UPDATE OR DELETE ON activities.budget_entries
                    FOR EACH ROW EXECUTE FUNCTION activities.refuse_ledger_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER budget_entries_append_only ON activities.budget_entries; DROP FUNCTION activities.refuse_ledger_change();");

            migrationBuilder.DropTable(
                name: "budget_entries",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "credit_notes",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "document_sequences",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "invoice_lines",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "payment_terms_defaults",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "invoices",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "activities",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "clients",
                schema: "activities");
        }
    }
}
