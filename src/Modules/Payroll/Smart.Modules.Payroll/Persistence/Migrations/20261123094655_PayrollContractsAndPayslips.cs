using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Smart.Modules.Payroll.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PayrollContractsAndPayslips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "declaration_numbers",
                schema: "payroll");

            migrationBuilder.CreateTable(
                name: "client_invoices",
                schema: "payroll",
                columns: table => new
                {
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    salary_share = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    salary_share_received = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_invoices", x => x.invoice_id);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    salary_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    working_time = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    hours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    job = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    employment_budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    declared_on = table.Column<DateOnly>(type: "date", nullable: false),
                    declaration_reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contribution_tables",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contribution_tables", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "declarations",
                schema: "payroll",
                columns: table => new
                {
                    reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_start = table.Column<DateOnly>(type: "date", nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_declarations", x => x.reference);
                });

            migrationBuilder.CreateTable(
                name: "guarantee_fund_accounts",
                schema: "payroll",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_money_received = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    client_money_used = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    advances_outstanding = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    advanced_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    recovered_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guarantee_fund_accounts", x => x.activity_id);
                });

            migrationBuilder.CreateTable(
                name: "income_tax_rates",
                schema: "payroll",
                columns: table => new
                {
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_income_tax_rates", x => new { x.member_id, x.effective_from });
                    table.ForeignKey(
                        name: "fk_income_tax_rates_employees_member_id",
                        column: x => x.member_id,
                        principalSchema: "payroll",
                        principalTable: "employees",
                        principalColumn: "member_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "minimum_wages",
                schema: "payroll",
                columns: table => new
                {
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    hourly_rate = table.Column<decimal>(type: "numeric(8,4)", precision: 8, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_minimum_wages", x => x.effective_from);
                });

            migrationBuilder.CreateTable(
                name: "payslips",
                schema: "payroll",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    salary_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    pay_date = table.Column<DateOnly>(type: "date", nullable: false),
                    contribution_table = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period_ceiling = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employment_budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    gross = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employee_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employer_contributions = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employer_cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    net = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    income_tax_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    income_tax = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    net_paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    guarantee_fund_advance = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payslips", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "social_security_ceilings",
                schema: "payroll",
                columns: table => new
                {
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    per_month = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    per_day = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    per_hour = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_social_security_ceilings", x => x.effective_from);
                });

            migrationBuilder.CreateTable(
                name: "working_time_limits",
                schema: "payroll",
                columns: table => new
                {
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    max_hours_per_day = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    max_hours_per_week = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    hours_per_worked_day = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    full_time_hours_per_week = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_time_limits", x => x.effective_from);
                });

            migrationBuilder.CreateTable(
                name: "contribution_lines",
                schema: "payroll",
                columns: table => new
                {
                    position = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contribution_table_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    @base = table.Column<string>(name: "base", type: "character varying(20)", maxLength: 20, nullable: false),
                    ceiling_multiple = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    employee_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    employer_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contribution_lines", x => new { x.contribution_table_id, x.position });
                    table.ForeignKey(
                        name: "fk_contribution_lines_contribution_tables_contribution_table_id",
                        column: x => x.contribution_table_id,
                        principalSchema: "payroll",
                        principalTable: "contribution_tables",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payslip_lines",
                schema: "payroll",
                columns: table => new
                {
                    position = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    payslip_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    @base = table.Column<decimal>(name: "base", type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employee_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    employee_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    employer_rate = table.Column<decimal>(type: "numeric(7,6)", precision: 7, scale: 6, nullable: false),
                    employer_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payslip_lines", x => new { x.payslip_id, x.position });
                    table.ForeignKey(
                        name: "fk_payslip_lines_payslips_payslip_id",
                        column: x => x.payslip_id,
                        principalSchema: "payroll",
                        principalTable: "payslips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "payroll",
                table: "contribution_tables",
                columns: new[] { "id", "category", "effective_from", "entity_id", "name" },
                values: new object[,]
                {
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), "Employee", new DateOnly(2025, 1, 1), null, "Régime général – salariés 2025" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), "Artistic", new DateOnly(2025, 1, 1), null, "Intermittents du spectacle 2025" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), "Student", new DateOnly(2025, 1, 1), null, "Étudiants salariés 2025" }
                });

            migrationBuilder.InsertData(
                schema: "payroll",
                table: "minimum_wages",
                columns: new[] { "effective_from", "hourly_rate" },
                values: new object[,]
                {
                    { new DateOnly(2024, 11, 1), 11.88m },
                    { new DateOnly(2026, 1, 1), 12.02m }
                });

            migrationBuilder.InsertData(
                schema: "payroll",
                table: "social_security_ceilings",
                columns: new[] { "effective_from", "per_day", "per_hour", "per_month" },
                values: new object[,]
                {
                    { new DateOnly(2025, 1, 1), 216.00m, 29.00m, 3925.00m },
                    { new DateOnly(2026, 1, 1), 220.00m, 30.00m, 4005.00m }
                });

            migrationBuilder.InsertData(
                schema: "payroll",
                table: "working_time_limits",
                columns: new[] { "effective_from", "full_time_hours_per_week", "hours_per_worked_day", "max_hours_per_day", "max_hours_per_week" },
                values: new object[] { new DateOnly(2013, 1, 1), 35m, 7m, 10m, 48m });

            migrationBuilder.InsertData(
                schema: "payroll",
                table: "contribution_lines",
                columns: new[] { "contribution_table_id", "position", "base", "ceiling_multiple", "employee_rate", "employer_rate", "name" },
                values: new object[,]
                {
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 1, "Gross", 0m, 0m, 0.0700m, "Assurance maladie, maternité, invalidité, décès" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 2, "CappedGross", 1m, 0.0690m, 0.0855m, "Assurance vieillesse plafonnée" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 3, "Gross", 0m, 0.0040m, 0.0211m, "Assurance vieillesse déplafonnée" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 4, "Gross", 0m, 0m, 0.0345m, "Allocations familiales" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 5, "Gross", 0m, 0m, 0.0150m, "Accidents du travail" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 6, "Gross", 0m, 0m, 0.0030m, "Contribution solidarité autonomie" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 7, "CappedGross", 1m, 0m, 0.0010m, "FNAL" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 8, "CappedGross", 4m, 0m, 0.0405m, "Assurance chômage" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 9, "CappedGross", 4m, 0m, 0.0025m, "AGS (garantie des salaires)" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 10, "CappedGross", 1m, 0.0315m, 0.0472m, "Retraite complémentaire AGIRC-ARRCO T1" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 11, "CappedGross", 1m, 0.0086m, 0.0129m, "Contribution d'équilibre général T1" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 12, "Gross", 0m, 0m, 0.0168m, "Formation professionnelle et taxe d'apprentissage" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 13, "Gross", 0m, 0.0078m, 0.0078m, "Prévoyance" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 14, "Gross", 0m, 0.0668m, 0m, "CSG déductible" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000001"), 15, "Gross", 0m, 0.0285m, 0m, "CSG non déductible et CRDS" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 1, "Gross", 0m, 0m, 0.0700m, "Assurance maladie, maternité, invalidité, décès" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 2, "CappedGross", 1m, 0.0690m, 0.0855m, "Assurance vieillesse plafonnée" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 3, "Gross", 0m, 0.0040m, 0.0211m, "Assurance vieillesse déplafonnée" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 4, "Gross", 0m, 0m, 0.0345m, "Allocations familiales" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 5, "Gross", 0m, 0m, 0.0150m, "Accidents du travail" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 6, "Gross", 0m, 0m, 0.0030m, "Contribution solidarité autonomie" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 7, "CappedGross", 1m, 0m, 0.0010m, "FNAL" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 8, "CappedGross", 4m, 0.0240m, 0.0905m, "Assurance chômage" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 9, "CappedGross", 4m, 0m, 0.0025m, "AGS (garantie des salaires)" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 10, "CappedGross", 1m, 0.0315m, 0.0472m, "Retraite complémentaire AGIRC-ARRCO T1" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 11, "CappedGross", 1m, 0.0086m, 0.0129m, "Contribution d'équilibre général T1" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 12, "Gross", 0m, 0m, 0.0168m, "Formation professionnelle et taxe d'apprentissage" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 13, "Gross", 0m, 0.0078m, 0.0078m, "Prévoyance" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 14, "Gross", 0m, 0.0668m, 0m, "CSG déductible" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000002"), 15, "Gross", 0m, 0.0285m, 0m, "CSG non déductible et CRDS" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 1, "Gross", 0m, 0m, 0.0700m, "Assurance maladie, maternité, invalidité, décès" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 2, "CappedGross", 1m, 0.0690m, 0.0855m, "Assurance vieillesse plafonnée" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 3, "Gross", 0m, 0.0040m, 0.0211m, "Assurance vieillesse déplafonnée" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 4, "Gross", 0m, 0m, 0.0345m, "Allocations familiales" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 5, "Gross", 0m, 0m, 0.0150m, "Accidents du travail" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 6, "Gross", 0m, 0m, 0.0030m, "Contribution solidarité autonomie" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 7, "CappedGross", 1m, 0m, 0.0010m, "FNAL" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 8, "CappedGross", 4m, 0m, 0.0405m, "Assurance chômage" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 9, "CappedGross", 4m, 0m, 0.0025m, "AGS (garantie des salaires)" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 10, "CappedGross", 1m, 0.0315m, 0.0472m, "Retraite complémentaire AGIRC-ARRCO T1" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 11, "CappedGross", 1m, 0.0086m, 0.0129m, "Contribution d'équilibre général T1" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 12, "Gross", 0m, 0m, 0.0168m, "Formation professionnelle et taxe d'apprentissage" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 13, "Gross", 0m, 0.0668m, 0m, "CSG déductible" },
                    { new Guid("0193f6a0-0000-7000-8000-000000000003"), 14, "Gross", 0m, 0.0285m, 0m, "CSG non déductible et CRDS" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_client_invoices_activity_id",
                schema: "payroll",
                table: "client_invoices",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_activity_id",
                schema: "payroll",
                table: "contracts",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_member_id",
                schema: "payroll",
                table: "contracts",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_salary_request_id",
                schema: "payroll",
                table: "contracts",
                column: "salary_request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contribution_tables_entity_id_category_effective_from",
                schema: "payroll",
                table: "contribution_tables",
                columns: new[] { "entity_id", "category", "effective_from" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_declarations_contract_id",
                schema: "payroll",
                table: "declarations",
                column: "contract_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payslips_contract_id",
                schema: "payroll",
                table: "payslips",
                column: "contract_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payslips_member_id",
                schema: "payroll",
                table: "payslips",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_payslips_status_pay_date",
                schema: "payroll",
                table: "payslips",
                columns: new[] { "status", "pay_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_invoices",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "contracts",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "contribution_lines",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "declarations",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "guarantee_fund_accounts",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "income_tax_rates",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "minimum_wages",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "payslip_lines",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "social_security_ceilings",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "working_time_limits",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "contribution_tables",
                schema: "payroll");

            migrationBuilder.DropTable(
                name: "payslips",
                schema: "payroll");

            migrationBuilder.DropSequence(
                name: "declaration_numbers",
                schema: "payroll");
        }
    }
}
