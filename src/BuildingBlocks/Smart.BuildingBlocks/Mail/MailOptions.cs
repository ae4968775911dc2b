using MailKit.Security;

namespace Smart.BuildingBlocks.Mail;

/// <summary>Configuration section <c>Smart:Mail</c>: the SMTP server the platform sends through and who the mails come from.</summary>
public sealed class MailOptions
{
    public const string Section = "Smart:Mail";

    public string Host { get; set; } = "localhost";

    /// <summary>25 by default; the development server (smtp4dev, started by the Run target) listens on 2525.</summary>
    public int Port { get; set; } = 25;

    /// <summary>How the connection is secured; <c>StartTlsWhenAvailable</c> talks plain SMTP to a server without TLS (development, tests).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "recouvrement@smart.coop";

    public string FromName { get; set; } = "Smart";

    /// <summary>
    /// E-mails handed to the server at the same time. Sending waits on the network, not the processor: the bus's default
    /// (one per core) sent 22 a second here while 45,000 reminders waited; 8 stays under the connection limits SMTP
    /// relays commonly set per client.
    /// </summary>
    public int ParallelSends { get; set; } = 8;
}
