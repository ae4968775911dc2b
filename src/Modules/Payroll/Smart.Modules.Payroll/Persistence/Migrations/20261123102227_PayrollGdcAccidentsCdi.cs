using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smart.Modules.Payroll.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PayrollGdcAccidentsCdi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "contribution_rate",
                schema: "payroll",
                table: "pay_rules",
                type: "numeric(7,6)",
                precision: 7,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "issue_date",
                schema: "payroll",
                table: "client_invoices",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<decimal>(
                name: "net",
                schema: "payroll",
                table: "client_invoices",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "cdi_smoothing_plans",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_month = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cdi_smoothing_plans", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "employer_invoices",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payroll_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    gross_payroll = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    net_salaries = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    expenses = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employee_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employer_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    guarantee_fund_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    service_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    guarantee_fund_fee = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    service_fee = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    fee_vat = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_invoices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "employer_payroll_runs",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mandate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    run_on = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_payroll_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "gdc_contracts",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mandate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    hours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    job = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    expenses = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    declared_on = table.Column<DateOnly>(type: "date", nullable: false),
                    payroll_run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gdc_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "gdc_employees",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    social_security_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    tax_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gdc_employees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "gdc_fee_rates",
                schema: "payroll",
                columns: table => new
                {
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    guarantee_fund_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    service_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    vat_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    payment_terms_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gdc_fee_rates", x => x.effective_from);
                });

            migrationBuilder.CreateTable(
                name: "mandates",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    renewal_of = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mandates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "member_activities",
                schema: "payroll",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coordinator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_activities", x => x.activity_id);
                });

            migrationBuilder.CreateTable(
                name: "work_accidents",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    worker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    days_lost = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_accidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "work_time_settings",
                schema: "payroll",
                columns: table => new
                {
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    full_time_yearly_hours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    hours_per_day = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_time_settings", x => x.effective_from);
                });

            migrationBuilder.CreateTable(
                name: "cdi_estimates",
                schema: "payroll",
                columns: table => new
                {
                    from_month = table.Column<DateOnly>(type: "date", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    yearly_revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    contribution_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    revised_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cdi_estimates", x => new { x.plan_id, x.from_month });
                    table.ForeignKey(
                        name: "fk_cdi_estimates_cdi_smoothing_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "payroll",
                        principalTable: "cdi_smoothing_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cdi_months",
                schema: "payroll",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    charge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employment_budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employee_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employer_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employer_cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    income_tax = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    net_paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cdi_months", x => new { x.plan_id, x.month });
                    table.ForeignKey(
                        name: "fk_cdi_months_cdi_smoothing_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "payroll",
                        principalTable: "cdi_smoothing_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employer_payslips",
                schema: "payroll",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payroll_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employee_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employer_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    income_tax = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    net_paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    expenses = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employer_payslips", x => new { x.payroll_run_id, x.contract_id });
                    table.ForeignKey(
                        name: "fk_employer_payslips_employer_payroll_runs_payroll_run_id",
                        column: x => x.payroll_run_id,
                        principalSchema: "payroll",
                        principalTable: "employer_payroll_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "payroll",
                table: "gdc_fee_rates",
                columns: new[] { "effective_from", "guarantee_fund_rate", "payment_terms_days", "service_rate", "vat_rate" },
                values: new object[] { new DateOnly(2015, 1, 1), 0.02m, 7, 0.045m, 0.20m });

            migrationBuilder.InsertData(
                schema: "payroll",
                table: "work_time_settings",
                columns: new[] { "effective_from", "full_time_yearly_hours", "hours_per_day" },
                values: new object[] { new DateOnly(2015, 1, 1), 1607m, 7m });

            migrationBuilder.CreateIndex(
                name: "ix_cdi_smoothing_plans_activity_id",
                schema: "payroll",
                table: "cdi_smoothing_plans",
                column: "activity_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cdi_smoothing_plans_member_id",
                schema: "payroll",
                table: "cdi_smoothing_plans",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_employer_id",
                schema: "payroll",
                table: "employer_invoices",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_entity_id_number",
                schema: "payroll",
                table: "employer_invoices",
                columns: new[] { "entity_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_invoices_payroll_run_id",
                schema: "payroll",
                table: "employer_invoices",
                column: "payroll_run_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employer_payroll_runs_employer_id_year_month",
                schema: "payroll",
                table: "employer_payroll_runs",
                columns: new[] { "employer_id", "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gdc_contracts_employee_id",
                schema: "payroll",
                table: "gdc_contracts",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_gdc_contracts_employer_id_end",
                schema: "payroll",
                table: "gdc_contracts",
                columns: new[] { "employer_id", "end" });

            migrationBuilder.CreateIndex(
                name: "ix_gdc_employees_employer_id_social_security_number",
                schema: "payroll",
                table: "gdc_employees",
                columns: new[] { "employer_id", "social_security_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mandates_employer_id_year",
                schema: "payroll",
                table: "mandates",
                columns: new[] { "employer_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_accidents_contract_id",
                schema: "payroll",
                table: "work_accidents",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_accidents_entity_id_date",
                schema: "payroll",
                table: "work_accidents",
                columns: new[] { "entity_id", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cdi_estimates",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "cdi_months",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "employer_invoice_sequences",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "employer_invoices",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "employer_payslips",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "gdc_contracts",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "gdc_employees",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "gdc_fee_rates",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "mandates",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "member_activities",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "work_accidents",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "work_time_settings",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "cdi_smoothing_plans",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "employer_payroll_runs",
                schema: "payroll");

            migrationBuilder.DropColumn(
                name: "contribution_rate",
                schema: "payroll",
                table: "pay_rules");

            migrationBuilder.DropColumn(
                name: "issue_date",
                schema: "payroll",
                table: "client_invoices");

            migrationBuilder.DropColumn(
                name: "net",
                schema: "payroll",
                table: "client_invoices");
        }
    }
}
