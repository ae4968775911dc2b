using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Smart.Modules.Governance.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrainingVatExemption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "training_vat_exempt",
                schema: "governance",
                table: "entity_settings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "training_vat_exemption_mention",
                schema: "governance",
                table: "entity_settings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "training_vat_exempt",
                schema: "governance",
                table: "entity_settings");

            migrationBuilder.DropColumn(
                name: "training_vat_exemption_mention",
                schema: "governance",
                table: "entity_settings");
        }
    }
}
