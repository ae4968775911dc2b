using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smart.BuildingBlocks.Mail;
using Wolverine;

namespace Smart.UnitTests.BuildingBlocks;

/// <summary>The <c>Smart:Mail</c> settings are checked when the host starts, not at the first e-mail.</summary>
public sealed class MailOptionsTests
{
    [Theory]
    [InlineData("ConnectionIdleTime", "00:00:00")]
    [InlineData("ConnectionIdleTime", "-00:00:30")]
    [InlineData("ParallelSends", "0")]
    [InlineData("MessagesPerConnection", "0")]
    public void Given_a_setting_that_would_stop_the_sweeper_or_every_send_Then_the_options_are_refused(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options(key, value));

        Assert.Contains("ConnectionIdleTime at least 1 second", refused.Message);
    }

    [Fact]
    public void Given_an_idle_time_of_1_minute_Then_the_options_read()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), Options("ConnectionIdleTime", "00:01:00").ConnectionIdleTime);
    }

    private static MailOptions Options(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"{MailOptions.Section}:{key}"] = value }).Build();
        var opts = new WolverineOptions();
        opts.UseSmartMail(configuration);
        return opts.Services.BuildServiceProvider().GetRequiredService<IOptions<MailOptions>>().Value;
    }
}
