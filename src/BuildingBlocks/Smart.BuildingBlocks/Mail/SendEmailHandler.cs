using Microsoft.Extensions.Options;
using MimeKit;

namespace Smart.BuildingBlocks.Mail;

/// <summary>
/// Sends a <see cref="SendEmail"/> over SMTP (MailKit). A failure (server down) throws, and the bus retries it later, then
/// dead-letters it. SMTP cannot confirm and commit in one step: after a crash between the server's acceptance and the
/// message being marked handled it is sent again, with the same Message-Id, by which mail systems recognise it.
/// Connections are kept open between e-mails (<see cref="SmtpConnections"/>).
/// </summary>
public sealed class SendEmailHandler(IOptions<MailOptions> options, SmtpConnections connections)
{
    public Task HandleAsync(SendEmail email, CancellationToken cancellationToken) =>
        connections.SendAsync(Message(email, options.Value), cancellationToken);

    internal static MimeMessage Message(SendEmail email, MailOptions settings)
    {
        var body = new BodyBuilder { HtmlBody = email.Html, TextBody = email.Text };
        foreach (var attachment in email.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        var message = new MimeMessage
        {
            MessageId = MessageId(email.EmailId, settings.From),
            Subject = email.Subject,
            Body = body.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.To));
        return message;
    }

    /// <summary>The e-mail's id at the sender's domain, e.g. <c>0195…@smart.coop</c>.</summary>
    public static string MessageId(Guid emailId, string from) => $"{emailId:N}@{from[(from.IndexOf('@') + 1)..]}";
}
