using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Smart.BuildingBlocks.Mail;

/// <summary>
/// Sends a <see cref="SendEmail"/> over SMTP (MailKit). A failure (server down) throws, and the bus retries it later, then
/// dead-letters it. SMTP cannot confirm and commit in one step: after a crash between the server's acceptance and the
/// message being marked handled it is sent again, with the same Message-Id, by which mail systems recognise it.
/// </summary>
public sealed class SendEmailHandler(IOptions<MailOptions> options)
{
    public async Task HandleAsync(SendEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await smtp.SendAsync(Message(email, settings), cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static MimeMessage Message(SendEmail email, MailOptions settings)
    {
        var body = new BodyBuilder { HtmlBody = email.Html, TextBody = email.Text };
        foreach (var attachment in email.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, System.Text.Encoding.UTF8.GetBytes(attachment.Content), ContentType.Parse(attachment.ContentType));
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
