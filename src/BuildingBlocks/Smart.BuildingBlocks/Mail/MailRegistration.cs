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
        opts.Services.Configure<MailOptions>(section);
        opts.Services.AddSingleton<SmtpConnections>();
        opts.LocalQueueFor<SendEmail>().MaximumParallelMessages(Math.Max(1, (section.Get<MailOptions>() ?? new MailOptions()).ParallelSends));
        return opts;
    }
}
