using System.Runtime.Serialization;

namespace Smart.BuildingBlocks.Mail;

/// <summary>
/// An e-mail to send, as a handler returns it: it is stored with the handler's transaction (Wolverine's outbox) and sent
/// by <see cref="SendEmailHandler"/> once committed, so a rolled-back change sends nothing and a crash loses nothing.
/// <see cref="EmailId"/> makes its Message-Id, the same on every attempt. <see cref="Attachments"/> came later: e-mails
/// stored before them read as having none.
/// </summary>
[DataContract(Name = "mail.send-email.v1")]
public sealed record SendEmail(Guid EmailId, string To, string? ToName, string Subject, string Html, string Text, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A text file sent with an e-mail, e.g. an iCalendar invitation (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
