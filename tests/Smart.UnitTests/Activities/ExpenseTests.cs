using Smart.Modules.Activities.Contracts;
using System.Text;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Expenses;

namespace Smart.UnitTests.Activities;

public sealed class ExpenseTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Advisor = Guid.NewGuid();

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];

    private static Activity AnActivity() => Activity.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Tournée", ActivityKind.LivePerformance, 1, new DateOnly(2026, 1, 5));

    private static Expense Submit(Activity activity, DateOnly? date = null, decimal amount = 120.00m, decimal vat = 20.00m) =>
        Expense.Submit(activity, activity.CoordinatorId, date ?? new DateOnly(2026, 11, 20), ExpenseCategory.Travel, "Train Lille–Paris", amount, vat, Today);

    private static string Rule(Action act) => Assert.Throws<BusinessRuleViolationException>(act).Rule;

    [Fact]
    public void Given_120_incl_VAT_with_20_recoverable_When_approved_Then_it_books_minus_100_on_the_approval_date()
    {
        var activity = AnActivity();
        var expense = Submit(activity);

        var entry = expense.Approve(activity, Advisor, null, Today, Now);

        Assert.Equal((BudgetEntryKind.Expense, -100.00m, BudgetSource.Expense, expense.Id), (entry.Kind, entry.Amount, entry.Source, entry.SourceId));
        Assert.Equal((activity.Id, Today), (entry.ActivityId, entry.Date));
        Assert.Equal((ExpenseStatus.Approved, (Guid?)Advisor, (DateOnly?)Today), (expense.Status, expense.DecidedBy, expense.DecidedOn));
        Assert.Equal((activity.EntityId, activity.OfficeId), (expense.EntityId, expense.OfficeId));
    }

    [Fact]
    public void Given_a_decided_expense_When_decided_again_Then_refused_as_a_conflict()
    {
        var activity = AnActivity();
        var approved = Submit(activity);
        approved.Approve(activity, Advisor, null, Today, Now);
        var refused = Submit(activity);
        refused.Refuse(Advisor, null, "No receipt date", Today);

        Assert.Equal("OnlySubmittedExpensesAreDecided", Rule(() => approved.Approve(activity, Advisor, null, Today, Now)));
        Assert.Equal("OnlySubmittedExpensesAreDecided", Rule(() => approved.Refuse(Advisor, null, "Changed my mind", Today)));
        Assert.Equal("OnlySubmittedExpensesAreDecided", Rule(() => refused.Approve(activity, Advisor, null, Today, Now)));
        Assert.Equal(("No receipt date", ExpenseStatus.Refused), (refused.RefusalReason, refused.Status));
    }

    [Fact]
    public void Given_a_date_in_the_future_Then_the_expense_is_refused()
    {
        Assert.Equal("ExpenseIsNotPostDated", Rule(() => Submit(AnActivity(), Today.AddDays(1))));
        Assert.Equal(Today, Submit(AnActivity(), Today).ExpenseDate);
    }

    [Theory]
    [InlineData("120.00", "120.00")]
    [InlineData("120.00", "120.01")]
    [InlineData("120.00", "-0.01")]
    [InlineData("0", "0")]
    public void Given_recoverable_VAT_outside_0_to_less_than_the_amount_Then_the_expense_is_refused(string amount, string vat) =>
        Assert.Equal("AmountsAreConsistent", Rule(() => Submit(AnActivity(), amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            vat: decimal.Parse(vat, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Given_a_closed_activity_Then_no_expense_is_submitted_nor_approved()
    {
        var activity = AnActivity();
        var expense = Submit(activity);
        activity.Close(balance: 0m, committed: 0m, outstandingInstalments: 0m, Today);

        Assert.Equal("ActivityIsOpen", Rule(() => Submit(activity)));
        Assert.Equal("ActivityIsOpen", Rule(() => expense.Approve(activity, Advisor, null, Today, Now)));
        Assert.Equal(ExpenseStatus.Submitted, expense.Status);
    }

    [Fact]
    public void Given_an_advisor_who_submitted_the_expense_Then_they_neither_approve_nor_refuse_it()
    {
        var activity = AnActivity();
        var expense = Submit(activity); // submitted by the coordinator, here also an advisor

        Assert.Equal("NoOneDecidesTheirOwnExpense", Rule(() => expense.Approve(activity, Guid.NewGuid(), activity.CoordinatorId, Today, Now)));
        Assert.Equal("NoOneDecidesTheirOwnExpense", Rule(() => expense.Refuse(activity.CoordinatorId, null, "Mine", Today)));
        Assert.Equal(ExpenseStatus.Submitted, expense.Status);
    }

    [Fact]
    public void Given_a_refusal_without_a_reason_Then_it_is_refused()
    {
        var expense = Submit(AnActivity());
        Assert.Equal("RefusalHasAReason", Rule(() => expense.Refuse(Advisor, null, "  ", Today)));
    }

    [Theory]
    [InlineData("receipt.pdf", "application/pdf", "Pdf")]
    [InlineData("Receipt.PDF", null, "Pdf")]
    [InlineData("ticket.png", "image/png", "Png")]
    [InlineData("photo.jpg", "image/jpeg", "Jpeg")]
    [InlineData("photo.jpeg", "application/octet-stream", "Jpeg")]
    public void Given_real_PDF_PNG_and_JPEG_headers_Then_the_receipt_is_accepted_with_the_detected_type(string name, string? declared, string kindName)
    {
        var kind = Enum.Parse<ReceiptKind>(kindName);
        var content = kind switch { ReceiptKind.Pdf => Pdf, ReceiptKind.Png => Png, _ => Jpeg };

        Assert.Empty(ReceiptFile.Problems(name, declared, content));
        var receipt = ExpenseReceipt.For(Submit(AnActivity()), name, declared, content);
        Assert.Equal((ReceiptFile.ContentType(kind), content.Length), (receipt.ContentType, receipt.SizeBytes));
    }

    [Fact]
    public void Given_a_text_file_named_pdf_Then_the_receipt_is_refused()
    {
        var text = Encoding.UTF8.GetBytes("Just a note: train ticket 120 EUR");

        Assert.Null(ReceiptFile.Detect(text));
        Assert.NotEmpty(ReceiptFile.Problems("receipt.pdf", "application/pdf", text));
        Assert.Equal("ReceiptIsAPdfPngOrJpegOfAtMost5MB", Rule(() => ExpenseReceipt.For(Submit(AnActivity()), "receipt.pdf", "application/pdf", text)));
    }

    [Theory]
    [InlineData("receipt.png", "application/pdf")] // a real PDF under a PNG name
    [InlineData("receipt.pdf", "image/png")] // a real PDF declared as PNG
    [InlineData("receipt", "application/pdf")] // no extension to agree
    public void Given_a_name_or_declared_type_that_disagrees_with_the_bytes_Then_the_receipt_is_refused(string name, string declared) =>
        Assert.NotEmpty(ReceiptFile.Problems(name, declared, Pdf));

    [Fact]
    public void Given_5_MB_the_receipt_is_accepted_and_5_MB_plus_one_byte_or_nothing_is_refused()
    {
        var exactly = new byte[5 * 1024 * 1024];
        Pdf.CopyTo(exactly, 0);
        var oneMore = new byte[exactly.Length + 1];
        Pdf.CopyTo(oneMore, 0);

        Assert.Empty(ReceiptFile.Problems("receipt.pdf", "application/pdf", exactly));
        Assert.Contains("5 MB", Assert.Single(ReceiptFile.Problems("receipt.pdf", "application/pdf", oneMore)));
        Assert.NotEmpty(ReceiptFile.Problems("receipt.pdf", "application/pdf", []));
    }
}
