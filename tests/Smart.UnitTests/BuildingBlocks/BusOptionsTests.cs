using Smart.BuildingBlocks.Messaging;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class BusOptionsTests
{
    [Fact]
    public void Given_the_default_back_off_Then_retries_wait_1_2_4_8_seconds_capped_at_5_minutes()
    {
        var options = new BusOptions();

        Assert.Equal([1, 2, 4, 8, 16], Enumerable.Range(1, 5).Select(a => options.RetryDelay(a).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(5), options.RetryDelay(20));
    }

    [Fact]
    public void Given_a_configured_back_off_Then_it_is_used()
    {
        var options = new BusOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(20), RetryBackoffMultiplier = 3, MaxRetryDelay = TimeSpan.FromMilliseconds(200) };

        Assert.Equal([20, 60, 180, 200], Enumerable.Range(1, 4).Select(a => options.RetryDelay(a).TotalMilliseconds));
    }
}
