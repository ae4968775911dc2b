using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Smart.BuildingBlocks.Mail;

public static class MailRegistration
{
    /// <summary>
    /// <see cref="SendEmailHandler"/> on the bus (handlers are discovered in module assemblies only, so it is named here)
    /// and its <c>Smart:Mail</c> settings.
    /// </summary>
    public static WolverineOptions UseSmartMail(this WolverineOptions opts, IConfiguration configuration)
    {
        opts.Discovery.IncludeType<SendEmailHandler>();
        opts.Services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        return opts;
    }
}
