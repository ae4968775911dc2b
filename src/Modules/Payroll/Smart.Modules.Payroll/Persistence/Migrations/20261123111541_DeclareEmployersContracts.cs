using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smart.Modules.Payroll.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeclareEmployersContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "member_id",
                schema: "payroll",
                table: "declarations",
                newName: "worker_id");

            migrationBuilder.AddColumn<string>(
                name: "declaration_reference",
                schema: "payroll",
                table: "gdc_contracts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "declaration_reference",
                schema: "payroll",
                table: "gdc_contracts");

            migrationBuilder.RenameColumn(
                name: "worker_id",
                schema: "payroll",
                table: "declarations",
                newName: "member_id");
        }
    }
}
