using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smart.Modules.Payroll.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LegalNumberingService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "employer_invoice_sequences",
                schema: "payroll");

            migrationBuilder.DropPrimaryKey(
                name: "pk_declarations",
                schema: "payroll",
                table: "declarations");

            migrationBuilder.DropIndex(
                name: "ix_declarations_contract_id",
                schema: "payroll",
                table: "declarations");

            migrationBuilder.DropSequence(
                name: "declaration_numbers",
                schema: "payroll");

            migrationBuilder.AddColumn<Guid>(
                name: "entity_id",
                schema: "payroll",
                table: "declarations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddPrimaryKey(
                name: "pk_declarations",
                schema: "payroll",
                table: "declarations",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_declarations_entity_id_reference",
                schema: "payroll",
                table: "declarations",
                columns: new[] { "entity_id", "reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_declarations",
                schema: "payroll",
                table: "declarations");

            migrationBuilder.DropIndex(
                name: "ix_declarations_entity_id_reference",
                schema: "payroll",
                table: "declarations");

            migrationBuilder.DropColumn(
                name: "entity_id",
                schema: "payroll",
                table: "declarations");

            migrationBuilder.CreateSequence(
                name: "declaration_numbers",
                schema: "payroll");

            migrationBuilder.AddPrimaryKey(
                name: "pk_declarations",
                schema: "payroll",
                table: "declarations",
                column: "reference");

            migrationBuilder.CreateTable(
                name: "employer_invoice_sequences",
                schema: "payroll",
                columns: table => new
                {
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_invoice_sequences", x => new { x.entity_id, x.year });
                });

            migrationBuilder.CreateIndex(
                name: "ix_declarations_contract_id",
                schema: "payroll",
                table: "declarations",
                column: "contract_id",
                unique: true);
        }
    }
}
