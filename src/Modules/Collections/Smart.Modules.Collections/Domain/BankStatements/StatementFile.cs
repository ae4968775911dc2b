using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Smart.Modules.Collections.Domain.BankStatements;

public enum StatementFormat
{
    /// <summary>A bank's CSV export, read through a column map.</summary>
    Csv,

    /// <summary>ISO 20022 CAMT.053 (bank-to-customer statement), any version of its namespace.</summary>
    Camt053,
}

/// <summary>
/// Which column of a CSV export holds what, by the header's names (the banks name and order them differently). The
/// currency and the counterparty are optional; a file without a currency column is in <see cref="DefaultCurrency"/>.
/// </summary>
public sealed record CsvColumnMap(string BookedOn, string Amount, string Reference, string? Currency = null, string? Counterparty = null,
    string Delimiter = ";", string DateFormat = "dd/MM/yyyy", char DecimalSeparator = ',', string DefaultCurrency = "EUR");

/// <summary>
/// One credit or debit line of a statement. <see cref="BankReference"/> is the bank's own id of the entry when the file
/// gives one (CAMT's AcctSvcrRef): the line's identity then, else its content and its rank among identical lines.
/// </summary>
internal sealed record StatementLine(DateOnly BookedOn, decimal Amount, string Currency, string Reference, string? Counterparty, string? BankReference)
{
    public bool IsCredit => Amount > 0;
}

/// <summary>What is wrong with a file, and where: <see cref="Field"/> is the request's field to name in the 400.</summary>
internal sealed record StatementProblem(string Field, string Message);

/// <summary>Reads a statement file into its lines, or says what is wrong with it (and then nothing is imported).</summary>
internal static class StatementFile
{
    public const int MaxLines = 20_000;

    /// <summary>No bank line of the group's accounts comes near it; beyond, sums could overflow.</summary>
    public const decimal MaxAmount = 999_999_999.99m;

    public static (IReadOnlyList<StatementLine> Lines, IReadOnlyList<StatementProblem> Problems) Read(StatementFormat format, string content, CsvColumnMap? map) =>
        format == StatementFormat.Csv ? ReadCsv(content, map!) : ReadCamt053(content);

    private static (IReadOnlyList<StatementLine>, IReadOnlyList<StatementProblem>) ReadCsv(string content, CsvColumnMap map)
    {
        var rows = content.Split('\n').Select(r => r.TrimEnd('\r')).Where(r => r.Length > 0).ToList();
        if (rows.Count == 0) return ([], [new("content", "The file is empty.")]);
        var header = SplitCsv(rows[0], map.Delimiter).Select(h => h.Trim()).ToList();
        var problems = new List<StatementProblem>();
        int Column(string? name, string field)
        {
            if (name is null) return -1;
            var index = header.FindIndex(h => string.Equals(h, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0) problems.Add(new($"columnMap.{field}", $"The header has no column '{name}' (it has: {string.Join(", ", header)})."));
            return index;
        }
        var (date, amount, reference, currency, counterparty) = (Column(map.BookedOn, "bookedOn"), Column(map.Amount, "amount"),
            Column(map.Reference, "reference"), Column(map.Currency, "currency"), Column(map.Counterparty, "counterparty"));
        if (problems.Count > 0) return ([], problems);
        if (rows.Count - 1 > MaxLines) return ([], [new("content", $"At most {MaxLines} lines per file.")]);

        var numbers = new NumberFormatInfo { NumberDecimalSeparator = map.DecimalSeparator.ToString(), NumberGroupSeparator = map.DecimalSeparator == ',' ? "." : "," };
        var lines = new List<StatementLine>();
        for (var i = 1; i < rows.Count && problems.Count < 10; i++)
        {
            var cells = SplitCsv(rows[i], map.Delimiter);
            string? Cell(int index) => index >= 0 && index < cells.Count ? cells[index].Trim() : null;
            var where = $"Line {i + 1}";
            if (!DateOnly.TryParseExact(Cell(date), map.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var bookedOn))
            {
                problems.Add(new("content", $"{where}: '{Cell(date)}' is not a date in the format {map.DateFormat}."));
                continue;
            }
            if (!decimal.TryParse(Cell(amount)?.Replace(" ", "").Replace("\u00a0", ""), NumberStyles.Number, numbers, out var value) || value == 0
                || decimal.Round(value, 2) != value || Math.Abs(value) > MaxAmount)
            {
                problems.Add(new("content", $"{where}: '{Cell(amount)}' is not an amount with at most two decimals."));
                continue;
            }
            var code = currency >= 0 ? Cell(currency)?.ToUpperInvariant() : map.DefaultCurrency;
            if (code is null || code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                problems.Add(new("content", $"{where}: '{code}' is not an ISO 4217 currency."));
                continue;
            }
            lines.Add(new StatementLine(bookedOn, value, code, Cell(reference) ?? "", Cell(counterparty), null));
        }
        return (lines, problems);
    }

    /// <summary>Splits a CSV row on the delimiter, honouring double quotes (a quoted cell may hold the delimiter; "" is a quote).</summary>
    private static List<string> SplitCsv(string row, string delimiter)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < row.Length && row[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (string.CompareOrdinal(row, i, delimiter, 0, delimiter.Length) == 0) { cells.Add(cell.ToString()); cell.Clear(); i += delimiter.Length - 1; }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>
    /// The booked entries (Ntry) of every statement (Stmt) of a CAMT.053 file: amount and currency (Amt/@Ccy), credit or
    /// debit (CdtDbtInd), booking date (BookgDt), the bank's reference (AcctSvcrRef), the remittance information (structured
    /// reference, then unstructured text) and the debtor's name. Elements are found by local name: the namespace changes
    /// with each version (camt.053.001.02 to .13).
    /// </summary>
    private static (IReadOnlyList<StatementLine>, IReadOnlyList<StatementProblem>) ReadCamt053(string content)
    {
        XDocument document;
        try
        {
            // No DTD: an entity expansion cannot blow up the host.
            using var reader = XmlReader.Create(new StringReader(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return ([], [new("content", $"Not well-formed XML: {e.Message}")]);
        }
        if (document.Root is not { } root || root.Name.LocalName != "Document" || !root.Name.NamespaceName.Contains("camt.053", StringComparison.Ordinal))
        {
            return ([], [new("content", "Not a CAMT.053 document (its root must be Document in a camt.053 namespace).")]);
        }
        var entries = root.Descendants().Where(e => e.Name.LocalName == "Ntry").ToList();
        if (entries.Count > MaxLines) return ([], [new("content", $"At most {MaxLines} entries per file.")]);
        var problems = new List<StatementProblem>();
        var lines = new List<StatementLine>();
        for (var i = 0; i < entries.Count && problems.Count < 10; i++)
        {
            var entry = entries[i];
            var where = $"Entry {i + 1}";
            var amount = Child(entry, "Amt");
            var booked = Child(Child(entry, "BookgDt"), "Dt")?.Value ?? Child(Child(entry, "BookgDt"), "DtTm")?.Value;
            var direction = Child(entry, "CdtDbtInd")?.Value;
            if (amount is null || !decimal.TryParse(amount.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value == 0
                || decimal.Round(value, 2) != value || value > MaxAmount)
            {
                problems.Add(new("content", $"{where}: no amount (Amt) with at most two decimals."));
                continue;
            }
            var currency = amount.Attribute("Ccy")?.Value;
            if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                problems.Add(new("content", $"{where}: the amount has no ISO 4217 currency (Ccy)."));
                continue;
            }
            if (direction is not ("CRDT" or "DBIT"))
            {
                problems.Add(new("content", $"{where}: CdtDbtInd must be CRDT or DBIT."));
                continue;
            }
            if (booked is null || !DateOnly.TryParseExact(booked.Length >= 10 ? booked[..10] : booked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var bookedOn))
            {
                problems.Add(new("content", $"{where}: no booking date (BookgDt/Dt)."));
                continue;
            }
            var remittance = entry.Descendants().Where(e => e.Name.LocalName == "RmtInf").ToList();
            var reference = string.Join(" ", remittance.SelectMany(r => r.Descendants()).Where(e => e.Name.LocalName is "Ref" or "Ustrd").Select(e => e.Value.Trim()));
            var debtor = entry.Descendants().FirstOrDefault(e => e.Name.LocalName == "Dbtr");
            var name = debtor?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Nm")?.Value.Trim();
            lines.Add(new StatementLine(bookedOn, direction == "DBIT" ? -value : value, currency, reference, name, Child(entry, "AcctSvcrRef")?.Value.Trim()));
        }
        return (lines, problems);
    }

    private static XElement? Child(XElement? parent, string localName) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
