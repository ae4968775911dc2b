using System.Globalization;
using Smart.BuildingBlocks.Web;

namespace Smart.Modules.Governance.Features.Shareholders;

/// <summary>The certificate of shareholding ("attestation de détention de parts sociales") as a printable page.</summary>
internal static class ShareholdingCertificate
{
    public static string Render(ShareholderView s)
    {
        var on = (s.On ?? s.AdmittedOn).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var page = HtmlPage.Start($"Attestation de détention de parts sociales — {s.Name}")
            .Append("<h1>Attestation de détention de parts sociales</h1>")
            .Append($"<p>La coopérative atteste que <strong>{HtmlPage.Encode(s.Name)}</strong>, associé·e de la catégorie {HtmlPage.Encode(s.Category.ToString())} ")
            .Append($"depuis le {s.AdmittedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ({HtmlPage.Encode(s.BoardDecision)}), détient au {on} :</p>")
            .Append("<table><tr><th>Parts souscrites</th><th class=\"n\">Capital souscrit</th><th class=\"n\">Capital libéré</th><th class=\"n\">Capital remboursé</th></tr>")
            .Append($"<tr><td>{s.Shares.ToString("N0", HtmlPage.French)}</td><td class=\"n\">{HtmlPage.Euros(s.Subscribed)}</td><td class=\"n\">{HtmlPage.Euros(s.Paid)}</td>")
            .Append($"<td class=\"n\">{HtmlPage.Euros(s.Refunded)}</td></tr></table>");
        if (s.ExitedOn is { } exited)
        {
            page.Append($"<p>Sortie du sociétariat le {exited.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.</p>");
        }
        page.Append($"<p>{(s.VotingRight ? "Elle ou il dispose d'une voix aux assemblées générales." : "Elle ou il ne dispose pas de droit de vote à cette date.")}</p>");
        return HtmlPage.End(page);
    }
}
