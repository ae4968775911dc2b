using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Smart.Modules.Activities.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QuotesContractDocumentsTrainingVat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "quote_id",
                schema: "activities",
                table: "invoices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "training_vat_exempt",
                schema: "activities",
                table: "entity_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "training_vat_exemption_mention",
                schema: "activities",
                table: "entity_rules",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contract_documents",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    vat_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: true),
                    vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    vat_mention = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_documents_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "activities",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_documents_clients_client_id",
                        column: x => x.client_id,
                        principalSchema: "activities",
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quotes",
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
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    total_net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    total_vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    total_gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    vat_mention = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    declined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quotes", x => x.id);
                    table.ForeignKey(
                        name: "fk_quotes_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "activities",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quotes_clients_client_id",
                        column: x => x.client_id,
                        principalSchema: "activities",
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quotes_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalSchema: "activities",
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quote_lines",
                schema: "activities",
                columns: table => new
                {
                    quote_id = table.Column<Guid>(type: "uuid", nullable: false),
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
                    table.PrimaryKey("pk_quote_lines", x => new { x.quote_id, x.position });
                    table.ForeignKey(
                        name: "fk_quote_lines_quotes_quote_id",
                        column: x => x.quote_id,
                        principalSchema: "activities",
                        principalTable: "quotes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_quote_id",
                schema: "activities",
                table: "invoices",
                column: "quote_id",
                unique: true,
                filter: "quote_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contract_documents_activity_id_kind",
                schema: "activities",
                table: "contract_documents",
                columns: new[] { "activity_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_contract_documents_client_id",
                schema: "activities",
                table: "contract_documents",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_documents_entity_id_year_sequence",
                schema: "activities",
                table: "contract_documents",
                columns: new[] { "entity_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quotes_activity_id_status",
                schema: "activities",
                table: "quotes",
                columns: new[] { "activity_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_client_id",
                schema: "activities",
                table: "quotes",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotes_entity_id_year_sequence",
                schema: "activities",
                table: "quotes",
                columns: new[] { "entity_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quotes_invoice_id",
                schema: "activities",
                table: "quotes",
                column: "invoice_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contract_documents",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "quote_lines",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "quotes",
                schema: "activities");

            migrationBuilder.DropIndex(
                name: "ix_invoices_quote_id",
                schema: "activities",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "quote_id",
                schema: "activities",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "training_vat_exempt",
                schema: "activities",
                table: "entity_rules");

            migrationBuilder.DropColumn(
                name: "training_vat_exemption_mention",
                schema: "activities",
                table: "entity_rules");
        }
    }
}
