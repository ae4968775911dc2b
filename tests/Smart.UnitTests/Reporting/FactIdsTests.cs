using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.UnitTests.Reporting;

/// <summary>The journal stores these ids and a rebuild reads them back: the values a given input produced must never change (ADR 0118).</summary>
public sealed class FactIdsTests
{
    [Fact]
    public void Given_a_share_movement_Then_its_id_is_the_MD5_of_its_invariant_key_as_stored_before_the_helper()
    {
        var id = ShareMovementNoted.IdOf(Guid.Parse("0195d7a0-0000-7000-8000-000000000001"), ShareMovementKind.Paid, new DateOnly(2026, 2, 10), 3, 60.00m, 60.00m, 0m);
        Assert.Equal(Guid.Parse("b7d68345-bd3e-217c-bab9-dede2012daae"), id);
    }

    [Fact]
    public void Given_a_key_Then_the_id_is_its_MD5()
    {
        Assert.Equal(Guid.Parse("6aec2ee1-54de-1dd8-4a05-84095c1d3e6e"), FactIds.Of("reminder|0195d7a0-0000-7000-8000-000000000001|2"));
    }

    [Fact]
    public void Given_equal_contents_Then_equal_content_ids_and_different_contents_different_ones()
    {
        Assert.Equal(FactIds.ContentId(new { Hours = 7 }), FactIds.ContentId(new { Hours = 7 }));
        Assert.NotEqual(FactIds.ContentId(new { Hours = 7 }), FactIds.ContentId(new { Hours = 8 }));
        Assert.Equal("66D02D6C580D53261DFA8FC6967FBD00B4CC75857BF2C6A095CEA0683D0F6CD1", FactIds.ContentDigest(new { Hours = 7 }));
    }
}
