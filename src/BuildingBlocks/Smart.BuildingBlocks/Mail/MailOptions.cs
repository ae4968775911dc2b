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
    /// E-mails handed to the server at the same time, and connections kept open. Sending waits on the network, not the
    /// processor; 8 stays under the connection limits SMTP relays commonly set per client.
    /// </summary>
    public int ParallelSends { get; set; } = 8;

    /// <summary>
    /// A connection idle this long is closed (QUIT): a server may drop idle clients after 5 minutes (RFC 5321
    /// §4.5.3.2.7), some sooner — one found closed anyway is replaced at once — and a server that serves one session at
    /// a time (the tests' in-process one) is not held by a client with nothing to send.
    /// </summary>
    public TimeSpan ConnectionIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>E-mails sent on one connection before it is closed and another opened (relays often cap it at about 100).</summary>
    public int MessagesPerConnection { get; set; } = 100;
}
