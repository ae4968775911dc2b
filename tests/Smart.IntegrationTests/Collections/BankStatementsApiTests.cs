using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Collections.Contracts;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Collections;

/// <summary>Three invoices of 1,200.00 (2026-03-01, due 2026-03-31) of one client; the clock on 2026-03-20.</summary>
public sealed class BankStatementsApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    private static readonly object ColumnMap = new { bookedOn = "Date", amount = "Montant", reference = "Libellé", counterparty = "Donneur d'ordre", currency = "Devise" };

    public sealed record Import(Guid Id, int Lines, int Matched, int Unmatched, int AlreadyImported, int Debits, bool AlreadyImportedFile);

    public sealed record Line(Guid Id, DateOnly BookedOn, decimal Amount, string Reference, string? Counterparty, string Status, string? MatchedBy, Guid? ReceivableId, string? Note);

    public sealed record Lines(IReadOnlyList<Line> Items, int Total);

    [Fact]
    public async Task Given_a_csv_of_a_partial_payment_by_number_a_payment_by_amount_and_client_an_unknown_line_and_a_debit_Then_two_booked_one_queued_and_the_same_file_twice_books_nothing()
    {
        var (scenario, operatorClient, invoices) = await StartAsync();
        var numbers = await NumbersAsync(operatorClient, invoices);
        var client = (await CollectionsScenario.GetAsync(operatorClient, invoices[0])).Receivable.ClientName;
        // 200.00 paid on the third: it alone is due for 1,000.00 (the others for 1,200.00, too many to pick from by amount).
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/collections/receivables/{invoices[2]}/payments",
            new { amount = 200.00m, currency = "EUR", paidOn = "2026-03-10" })).StatusCode);
        var csv = "Date;Libellé;Montant;Devise;Donneur d'ordre\n"
                  + $"18/03/2026;\"VIR SEPA facture {numbers[0]}; acompte\";500,00;EUR;{client}\n"
                  + $"19/03/2026;Paiement prestation;1.000,00;EUR;{client.ToUpperInvariant()}\n"
                  + "19/03/2026;VIR inconnu;75,50;EUR;Jean Dupont\n"
                  + "19/03/2026;Frais bancaires;-12,00;EUR;Banque\n";

        Import? first = null;
        var session = await app.TrackAsync(async () => first = await ImportAsync(operatorClient, scenario, "Csv", csv, ColumnMap));
        Assert.Equal((4, 2, 1, 0, 1, false), (first!.Lines, first.Matched, first.Unmatched, first.AlreadyImported, first.Debits, first.AlreadyImportedFile));
        var (partial, untouched, settled) = (await GetAsync(operatorClient, invoices[0]), await GetAsync(operatorClient, invoices[1]), await GetAsync(operatorClient, invoices[2]));
        Assert.Equal((500.00m, 700.00m, "Open"), (partial.Received, partial.Outstanding, partial.Status));
        Assert.Equal((1200.00m, 0m, "Paid"), (settled.Received, settled.Outstanding, settled.Status));
        Assert.Equal(0m, untouched.Received);
        Assert.Equal(invoices[2], Assert.Single(session.Sent.MessagesOf<InvoicePaid>().Distinct()).InvoiceId);

        var queue = await LinesAsync(operatorClient, "Unmatched", first.Id);
        var waiting = Assert.Single(queue.Items);
        Assert.Equal((75.50m, "Jean Dupont"), (waiting.Amount, waiting.Counterparty));
        Assert.Contains("no open invoice of 75.50 EUR to Jean Dupont", waiting.Note);
        var matched = (await LinesAsync(operatorClient, "Matched", first.Id)).Items;
        Assert.Equal([("InvoiceNumber", invoices[0]), ("AmountAndClient", invoices[2])], matched.Select(l => (l.MatchedBy!, l.ReceivableId!.Value)).ToArray());

        // The same file again: nothing booked. A later file repeating one of its lines books only its new line.
        var again = await ImportAsync(operatorClient, scenario, "Csv", csv, ColumnMap);
        Assert.Equal((true, first.Id, 2), (again.AlreadyImportedFile, again.Id, again.Matched));
        var overlapping = csv.Split('\n')[0] + "\n" + csv.Split('\n')[1] + "\n" + $"20/03/2026;Solde {numbers[0]};700,00;EUR;{client}\n";
        var next = await ImportAsync(operatorClient, scenario, "Csv", overlapping, ColumnMap);
        Assert.Equal((2, 1, 1, false), (next.Lines, next.Matched, next.AlreadyImported, next.AlreadyImportedFile));
        var paid = await GetAsync(operatorClient, invoices[0]);
        Assert.Equal((1200.00m, "Paid"), (paid.Received, paid.Status));
        Assert.Equal(2, (await CollectionsScenario.GetAsync(operatorClient, invoices[0])).History.Count(h => h.Kind == "PaymentRecorded"));
    }

    [Fact]
    public async Task Given_a_camt053_with_a_structured_reference_and_an_overpayment_Then_it_settles_with_a_credit_of_50_and_the_same_entry_in_another_file_books_nothing()
    {
        var (scenario, operatorClient, invoices) = await StartAsync();
        var numbers = await NumbersAsync(operatorClient, invoices);

        var import = await ImportAsync(operatorClient, scenario, "Camt053", Camt(("ACCT-1", "2026-03-18", 1250.00m, "CRDT", numbers[2], "Théâtre"),
            ("ACCT-2", "2026-03-18", 30.00m, "DBIT", "", "Banque")), null);
        Assert.Equal((2, 1, 0, 1), (import.Lines, import.Matched, import.Unmatched, import.Debits));
        var receivable = await GetAsync(operatorClient, invoices[2]);
        Assert.Equal((1250.00m, 0m, 50.00m, "Paid"), (receivable.Received, receivable.Outstanding, receivable.ClientCredit, receivable.Status));

        // The bank's entry reference (AcctSvcrRef) is the line's identity: in a statement of the next day, it is not booked again.
        var next = await ImportAsync(operatorClient, scenario, "Camt053", Camt(("ACCT-1", "2026-03-18", 1250.00m, "CRDT", numbers[2], "Théâtre"),
            ("ACCT-3", "2026-03-19", 100.00m, "CRDT", "inconnu", "X")), null);
        Assert.Equal((1, 0, 1, false), (next.AlreadyImported, next.Matched, next.Unmatched, next.AlreadyImportedFile));
        Assert.Equal(1250.00m, (await GetAsync(operatorClient, invoices[2])).Received);
    }

    [Fact]
    public async Task Given_an_unmatched_line_When_a_person_matches_it_or_dismisses_another_Then_the_receivable_takes_the_payment_and_the_queue_empties()
    {
        var (scenario, operatorClient, invoices) = await StartAsync();
        var import = await ImportAsync(operatorClient, scenario, "Csv", "Date;Libellé;Montant\n19/03/2026;Virement reçu;300,00\n19/03/2026;Intérêts créditeurs;1,20\n",
            new { bookedOn = "Date", amount = "Montant", reference = "Libellé" });
        var queue = (await LinesAsync(operatorClient, "Unmatched", import.Id)).Items.OrderByDescending(l => l.Amount).ToList();
        Assert.Equal([300.00m, 1.20m], queue.Select(l => l.Amount).ToArray());

        var match = await operatorClient.PostAsJsonAsync($"/api/collections/bank-statement-lines/{queue[0].Id}/match", new { receivableId = invoices[1] });
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        Assert.Equal((300.00m, 900.00m), ((await GetAsync(operatorClient, invoices[1])).Received, (await GetAsync(operatorClient, invoices[1])).Outstanding));
        var dismiss = await operatorClient.PostAsJsonAsync($"/api/collections/bank-statement-lines/{queue[1].Id}/dismiss", new { reason = "Intérêts de la banque." });
        Assert.Equal(HttpStatusCode.OK, dismiss.StatusCode);
        Assert.Empty((await LinesAsync(operatorClient, "Unmatched", import.Id)).Items);
        Assert.Equal(["ByHand"], (await LinesAsync(operatorClient, "Matched", import.Id)).Items.Select(l => l.MatchedBy!).ToArray());

        // Matching it again is a conflict, and the payment stays booked once.
        var twice = await operatorClient.PostAsJsonAsync($"/api/collections/bank-statement-lines/{queue[0].Id}/match", new { receivableId = invoices[2] });
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0m, (await GetAsync(operatorClient, invoices[2])).Received);
    }

    [Fact]
    public async Task Given_a_wrong_column_map_a_malformed_camt_or_a_bad_line_Then_400_naming_the_problem_and_nothing_is_imported()
    {
        var (scenario, operatorClient, invoices) = await StartAsync();
        var numbers = await NumbersAsync(operatorClient, invoices);
        var csv = $"Date;Libellé;Montant\n19/03/2026;{numbers[0]};1200,00\n";
        var entity = scenario.Activities.Structure.EntityId;
        var linesBefore = (await LinesAsync(operatorClient, null)).Total;

        await (await operatorClient.PostAsJsonAsync("/api/collections/bank-statements",
            new { entityId = entity, format = "Csv", content = csv, columnMap = new { bookedOn = "Date", amount = "Amount", reference = "Libellé" } }))
            .AssertFieldErrorsAsync("columnMap.amount");
        await (await operatorClient.PostAsJsonAsync("/api/collections/bank-statements", new { entityId = entity, format = "Csv", content = csv }))
            .AssertFieldErrorsAsync("columnMap");
        await (await operatorClient.PostAsJsonAsync("/api/collections/bank-statements",
            new { entityId = entity, format = "Csv", content = csv, columnMap = new { bookedOn = "Date", amount = "Montant", reference = "Libellé", dateFormat = "yyyy" } }))
            .AssertFieldErrorsAsync("columnMap.dateFormat");
        await (await operatorClient.PostAsJsonAsync("/api/collections/bank-statements",
            new { entityId = entity, format = "Csv", content = csv + "32/03/2026;x;5,00\n", columnMap = new { bookedOn = "Date", amount = "Montant", reference = "Libellé" } }))
            .AssertFieldErrorsAsync("content");
        await (await operatorClient.PostAsJsonAsync("/api/collections/bank-statements",
            new { entityId = entity, format = "Camt053", content = "<Document><BkToCstmrStmt>" })).AssertFieldErrorsAsync("content");
        await (await operatorClient.PostAsJsonAsync("/api/collections/bank-statements",
            new { entityId = entity, format = "Camt053", content = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>" })).AssertFieldErrorsAsync("content");
        await (await operatorClient.PostAsJsonAsync("/api/collections/bank-statements",
            new { entityId = entity, format = "Camt053", content = Camt(("A", "2026-03-18", 10.005m, "CRDT", "x", "y")) })).AssertFieldErrorsAsync("content");

        Assert.Equal(linesBefore, (await LinesAsync(operatorClient, null)).Total);
        Assert.Equal(0m, (await GetAsync(operatorClient, invoices[0])).Received);
        await (await operatorClient.PostAsJsonAsync($"/api/collections/bank-statement-lines/{Guid.NewGuid()}/match", new { receivableId = Guid.Empty }))
            .AssertFieldErrorsAsync("receivableId");
        await (await operatorClient.PostAsJsonAsync($"/api/collections/bank-statement-lines/{Guid.NewGuid()}/dismiss", new { reason = "" }))
            .AssertFieldErrorsAsync("reason");
        await (await operatorClient.GetAsync("/api/collections/bank-statement-lines?status=Lost")).AssertFieldErrorsAsync("status");
    }

    [Fact]
    public async Task Given_another_entity_s_operator_Then_its_import_lines_and_receivables_are_404_and_a_member_is_refused()
    {
        var (scenario, operatorClient, invoices) = await StartAsync();
        var import = await ImportAsync(operatorClient, scenario, "Csv", "Date;Libellé;Montant\n19/03/2026;Virement;300,00\n",
            new { bookedOn = "Date", amount = "Montant", reference = "Libellé" });
        var line = Assert.Single((await LinesAsync(operatorClient, "Unmatched", import.Id)).Items);
        var stranger = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Activities.Structure.OtherEntityId);

        await (await stranger.PostAsJsonAsync("/api/collections/bank-statements", new
        {
            entityId = scenario.Activities.Structure.EntityId, format = "Csv", content = "Date;Libellé;Montant\n19/03/2026;Autre;10,00\n",
            columnMap = new { bookedOn = "Date", amount = "Montant", reference = "Libellé" },
        })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/collections/bank-statement-lines?entityId={scenario.Activities.Structure.EntityId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/collections/bank-statement-lines/{line.Id}/match", new { receivableId = invoices[0] })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/collections/bank-statement-lines/{line.Id}/dismiss", new { reason = "Pas à nous." })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await scenario.MemberAgainAsync()).GetAsync("/api/collections/bank-statement-lines")).StatusCode);
        Assert.Equal(("Unmatched", 0m), ((await LinesAsync(operatorClient, "Unmatched", import.Id)).Items.Single().Status, (await GetAsync(operatorClient, invoices[0])).Received));
    }

    private async Task<(CollectionsScenario, HttpClient, Guid[])> StartAsync()
    {
        var scenario = await new CollectionsScenario(app).StartAsync();
        var invoices = new[] { await scenario.IssueInvoiceAsync(), await scenario.IssueInvoiceAsync(), await scenario.IssueInvoiceAsync() };
        await scenario.MoveToAsync(new DateOnly(2026, 3, 20));
        return (scenario, await scenario.OperatorAsync(), invoices);
    }

    private static async Task<string[]> NumbersAsync(HttpClient client, Guid[] invoices)
    {
        var numbers = new List<string>();
        foreach (var invoice in invoices) numbers.Add((await CollectionsScenario.GetAsync(client, invoice)).Receivable.Number);
        return [.. numbers];
    }

    private static async Task<CollectionsScenario.Receivable> GetAsync(HttpClient client, Guid id) => (await CollectionsScenario.GetAsync(client, id)).Receivable;

    private static async Task<Import> ImportAsync(HttpClient client, CollectionsScenario scenario, string format, string content, object? columnMap)
    {
        var response = await client.PostAsJsonAsync("/api/collections/bank-statements", new { entityId = scenario.Activities.Structure.EntityId, format, content, columnMap });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Import>())!;
    }

    /// <summary>The lines of the entity (shared by the tests of this class), of one import when <paramref name="statementId"/> is given.</summary>
    private static async Task<Lines> LinesAsync(HttpClient client, string? status, Guid? statementId = null)
    {
        var response = await client.GetAsync($"/api/collections/bank-statement-lines?status={status}&statementId={statementId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Lines>())!;
    }

    /// <summary>A CAMT.053.001.08 statement with these entries (bank reference, booking date, amount, CRDT/DBIT, structured reference, debtor).</summary>
    internal static string Camt(params (string Bank, string BookedOn, decimal Amount, string Direction, string Reference, string Debtor)[] entries) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>"
        + "<GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-03-19T18:00:00</CreDtTm></GrpHdr><Stmt><Id>1</Id><Acct><Id><IBAN>FR7630001007941234567890185</IBAN></Id></Acct>"
        + string.Concat(entries.Select(e =>
            $"<Ntry><Amt Ccy=\"EUR\">{e.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}</Amt><CdtDbtInd>{e.Direction}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
            + $"<BookgDt><Dt>{e.BookedOn}</Dt></BookgDt><AcctSvcrRef>{e.Bank}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>{e.Debtor}</Nm></Dbtr></RltdPties>"
            + $"<RmtInf><Strd><CdtrRefInf><Ref>{e.Reference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>"))
        + "</Stmt></BkToCstmrStmt></Document>";
}
