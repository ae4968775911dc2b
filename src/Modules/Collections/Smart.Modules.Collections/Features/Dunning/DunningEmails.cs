using Smart.BuildingBlocks.Mail;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Domain.Receivables;

namespace Smart.Modules.Collections.Features.Dunning;

/// <summary>The e-mail of a dunning step, in French, from the step's template (<c>Templates/</c>).</summary>
internal static class DunningEmails
{
    /// <param name="clientLink">The client's signed link to the invoice, when the host knows its public address.</param>
    public static SendEmail For(Receivable receivable, DunningStepTaken taken, Guid emailId, string? clientLink = null)
    {
        var content = MailTemplates.Render(typeof(DunningEmails).Assembly, taken.Template.ToString(), new Dictionary<string, object?>
        {
            ["client_name"] = receivable.ClientName,
            ["invoice_number"] = receivable.Number,
            ["issue_date"] = French(receivable.IssueDate),
            ["due_date"] = French(receivable.DueDate),
            ["amount"] = HtmlPage.Euros(receivable.Amount),
            ["outstanding"] = HtmlPage.Euros(receivable.Outstanding),
            ["days_late"] = taken.TakenOn.DayNumber - receivable.DueDate.DayNumber,
            ["business"] = receivable.IsBusinessClient,
            ["interest_rate"] = HtmlPage.Percent(receivable.LateInterestRate),
            ["indemnity"] = HtmlPage.Euros(receivable.RecoveryIndemnity),
            ["client_link"] = clientLink,
        });
        return new SendEmail(emailId, taken.Recipient!, receivable.ClientName, content.Subject, content.Html, content.Text);
    }

    public static string French(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
