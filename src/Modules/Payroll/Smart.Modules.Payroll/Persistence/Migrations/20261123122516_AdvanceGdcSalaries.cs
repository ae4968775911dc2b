using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smart.Modules.Payroll.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdvanceGdcSalaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "advanced",
                schema: "payroll",
                table: "gdc_contracts",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "advanced_on",
                schema: "payroll",
                table: "gdc_contracts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "pay_date",
                schema: "payroll",
                table: "gdc_contracts",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Contracts declared before pay dates existed: the group's usual rule, 7 days after the end of the work. No
            // pay-date message was scheduled for them, so they are not advanced automatically.
            migrationBuilder.Sql("UPDATE payroll.gdc_contracts SET pay_date = \"end\" + 7");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "advanced",
                schema: "payroll",
                table: "gdc_contracts");

            migrationBuilder.DropColumn(
                name: "advanced_on",
                schema: "payroll",
                table: "gdc_contracts");

            migrationBuilder.DropColumn(
                name: "pay_date",
                schema: "payroll",
                table: "gdc_contracts");
        }
    }
}
