using Smart.BuildingBlocks.Persistence;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Members", "members")]
    [InlineData("EntityId", "entity_id")]
    [InlineData("PK_OutboxMessages", "pk_outbox_messages")]
    [InlineData("IX_Members_EntityId_Email", "ix_members_entity_id_email")]
    [InlineData("VATNumber", "vat_number")]
    [InlineData("Address2Line", "address2_line")]
    public void Given_a_CLR_name_Then_the_table_or_column_name_is_snake_case(string name, string expected)
    {
        Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(name));
    }
}
