using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smart.Modules.Activities.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExpensesAndSalaryRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "paid_amount",
                schema: "activities",
                table: "invoices",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "paid_on",
                schema: "activities",
                table: "invoices",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "written_off",
                schema: "activities",
                table: "invoices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "written_off_on",
                schema: "activities",
                table: "invoices",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "expenses",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expense_date = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    amount_incl_vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    recoverable_vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expenses", x => x.id);
                    table.ForeignKey(
                        name: "fk_expenses_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "activities",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "salary_requests",
                schema: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employment_budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    contract_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    work_start = table.Column<DateOnly>(type: "date", nullable: false),
                    work_end = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    hours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    job = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    guarantee_fund_advance = table.Column<bool>(type: "boolean", nullable: false),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    payslip_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_salary_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_salary_requests_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "activities",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "expense_receipts",
                schema: "activities",
                columns: table => new
                {
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    size_bytes = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expense_receipts", x => x.expense_id);
                    table.ForeignKey(
                        name: "fk_expense_receipts_expenses_expense_id",
                        column: x => x.expense_id,
                        principalSchema: "activities",
                        principalTable: "expenses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_expenses_activity_id_status",
                schema: "activities",
                table: "expenses",
                columns: new[] { "activity_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_expenses_entity_id_office_id_status",
                schema: "activities",
                table: "expenses",
                columns: new[] { "entity_id", "office_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_salary_requests_activity_id_status",
                schema: "activities",
                table: "salary_requests",
                columns: new[] { "activity_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_salary_requests_member_id",
                schema: "activities",
                table: "salary_requests",
                column: "member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expense_receipts",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "salary_requests",
                schema: "activities");

            migrationBuilder.DropTable(
                name: "expenses",
                schema: "activities");

            migrationBuilder.DropColumn(
                name: "paid_amount",
                schema: "activities",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "paid_on",
                schema: "activities",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "written_off",
                schema: "activities",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "written_off_on",
                schema: "activities",
                table: "invoices");
        }
    }
}
