using Smart.BuildingBlocks.Documents;
using static Smart.BuildingBlocks.Web.HtmlPage;

namespace Smart.Modules.Governance.Features.Shareholders;

/// <summary>The certificate of shareholding ("attestation de détention de parts sociales") as a printable document.</summary>
internal static class ShareholdingCertificate
{
    public static PrintableDocument Render(ShareholderView s)
    {
        var on = FrenchFormat.Date(s.On ?? s.AdmittedOn);
        List<DocumentBlock> blocks =
        [
            new ParagraphBlock($"La coopérative atteste que {s.Name}, associé·e de la catégorie {s.Category} depuis le {FrenchFormat.Date(s.AdmittedOn)} "
                + $"({s.BoardDecision}), détient au {on} :"),
            new TableBlock(
                [
                    new DocumentColumn("Parts souscrites", 1), new DocumentColumn("Capital souscrit", 1, Numeric: true),
                    new DocumentColumn("Capital libéré", 1, Numeric: true), new DocumentColumn("Capital remboursé", 1, Numeric: true),
                ],
                [new DocumentRow([FrenchFormat.Number(s.Shares), Euros(s.Subscribed), Euros(s.Paid), Euros(s.Refunded)])]),
        ];
        if (s.ExitedOn is { } exited) blocks.Add(new ParagraphBlock($"Sortie du sociétariat le {FrenchFormat.Date(exited)}."));
        blocks.Add(new ParagraphBlock(s.VotingRight ? "Elle ou il dispose d'une voix aux assemblées générales." : "Elle ou il ne dispose pas de droit de vote à cette date."));
        return new PrintableDocument("Attestation de détention de parts sociales", $"attestation-parts-{s.Id:N}", blocks);
    }
}
