using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Smart.BuildingBlocks.Mail;

public static class MailRegistration
{
    /// <summary>
    /// <see cref="SendEmailHandler"/> on the bus (handlers are discovered in module assemblies only, so it is named here),
    /// its <c>Smart:Mail</c> settings, with <see cref="MailOptions.ParallelSends"/> on its queue, and the open connections
    /// it sends through.
    /// </summary>
    public static WolverineOptions UseSmartMail(this WolverineOptions opts, IConfiguration configuration)
    {
        var section = configuration.GetSection(MailOptions.Section);
        opts.Discovery.IncludeType<SendEmailHandler>();
        opts.Services.AddOptions<MailOptions>().Bind(section)
            // A zero idle time would stop the sweeper (a timer's period of 0 never repeats), a negative one fail every send.
            .Validate(o => o is { ParallelSends: >= 1, MessagesPerConnection: >= 1 } && o.ConnectionIdleTime >= TimeSpan.FromSeconds(1),
                $"{MailOptions.Section}: ParallelSends and MessagesPerConnection must be at least 1, ConnectionIdleTime at least 1 second.")
            .ValidateOnStart();
        opts.Services.AddSingleton<SmtpConnections>();
        opts.LocalQueueFor<SendEmail>().MaximumParallelMessages(Math.Max(1, (section.Get<MailOptions>() ?? new MailOptions()).ParallelSends));
        return opts;
    }
}
