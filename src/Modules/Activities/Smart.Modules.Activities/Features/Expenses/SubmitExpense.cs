using Smart.Modules.Activities.Contracts;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Expenses;

namespace Smart.Modules.Activities.Features.Expenses;

/// <summary>A receipt as uploaded: the name and type are the client's claims, checked against the bytes.</summary>
public sealed record ReceiptUpload(string FileName, string? DeclaredContentType, byte[] Content);

/// <summary>
/// A member submits an expense of their activity with its receipt, for an advisor to approve. Nothing is booked until
/// approval.
/// </summary>
public sealed record SubmitExpense(
    Guid ActivityId, DateOnly ExpenseDate, ExpenseCategory Category, string Description, decimal AmountInclVat, decimal RecoverableVat, ReceiptUpload? Receipt)
{
    internal sealed class Validator : AbstractValidator<SubmitExpense>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).NotEmpty();
            RuleFor(c => c.Category).IsInEnum();
            RuleFor(c => c.Description).NotEmpty().MaximumLength(Expense.MaxDescriptionLength).HasNoNul();
            RuleFor(c => c.AmountInclVat).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.RecoverableVat).GreaterThanOrEqualTo(0).PrecisionScale(14, 2, ignoreTrailingZeros: true)
                .LessThan(c => c.AmountInclVat).WithMessage("The recoverable VAT is less than the amount including VAT.");
            // What the file is, is the shape of the input: checked here from its bytes, before anything is stored.
            RuleFor(c => c.Receipt).NotNull().WithMessage("A receipt (PDF, PNG or JPEG) is required.")
                .Custom((receipt, context) =>
                {
                    if (receipt is null) return;
                    foreach (var problem in ReceiptFile.Problems(receipt.FileName, receipt.DeclaredContentType, receipt.Content))
                    {
                        context.AddFailure(problem);
                    }
                });
        }
    }
}

public sealed class SubmitExpenseHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(SubmitExpense command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activity = await session.VisibleActivityAsync(user, command.ActivityId, cancellationToken);
        var submittedBy = user.MemberId ?? user.UserId ?? throw new InvalidOperationException("An expense is submitted by a logged-in user.");
        var expense = Expense.Submit(activity, submittedBy, command.ExpenseDate, command.Category, command.Description,
            command.AmountInclVat, command.RecoverableVat, clock.Today());
        var receipt = command.Receipt ?? throw new InvalidOperationException("The validator requires a receipt.");
        session.Insert(expense);
        session.Insert(ExpenseReceipt.For(expense, receipt.FileName, receipt.DeclaredContentType, receipt.Content));
        return expense.Id;
    }
}

/// <summary>
/// Reads the multipart form into <see cref="SubmitExpense"/>. Fields that cannot be read (a date that is no date, an
/// unknown category, an unknown field) are 400 with field errors, like JSON binding; the rules on values are the
/// command's validator's.
/// </summary>
internal static class SubmitExpenseForm
{
    public const string ExpenseDate = "expenseDate";
    public const string Category = "category";
    public const string Description = "description";
    public const string AmountInclVat = "amountInclVat";
    public const string RecoverableVat = "recoverableVat";
    public const string Receipt = "receipt";

    private static readonly string[] Fields = [ExpenseDate, Category, Description, AmountInclVat, RecoverableVat];

    public static async Task<SubmitExpense> ReadAsync(Guid activityId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new BadHttpRequestException("Send the expense as multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException malformed)
        {
            throw new BadHttpRequestException($"The form could not be read: {malformed.Message}", StatusCodes.Status400BadRequest, malformed);
        }

        var errors = new List<ValidationFailure>();
        foreach (var unknown in form.Keys.Concat(form.Files.Select(f => f.Name)).Where(k => !Fields.Contains(k) && k != Receipt).Distinct())
        {
            errors.Add(new ValidationFailure(unknown, $"Unknown field '{unknown}'."));
        }
        foreach (var text in form.Keys.Where(k => form[k].Count > 1))
        {
            errors.Add(new ValidationFailure(text, "Send this field once."));
        }

        var date = Read(form, ExpenseDate, errors, "A date as yyyy-MM-dd.",
            s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null);
        var category = Read(form, Category, errors, $"One of {string.Join(", ", Enum.GetNames<ExpenseCategory>())}.",
            s => !s.Any(char.IsDigit) && Enum.TryParse<ExpenseCategory>(s, ignoreCase: true, out var c) ? c : (ExpenseCategory?)null);
        var amount = Read(form, AmountInclVat, errors, "An amount such as 120.00.", ParseAmount);
        var vat = Read(form, RecoverableVat, errors, "An amount such as 20.00.", ParseAmount);

        var files = form.Files.GetFiles(Receipt);
        if (files.Count > 1) errors.Add(new ValidationFailure(Receipt, "Send one receipt."));
        if (form.ContainsKey(Receipt)) errors.Add(new ValidationFailure(Receipt, "The receipt is a file part, not a text field."));
        if (errors.Count > 0) throw new ValidationException(errors);

        ReceiptUpload? receipt = null;
        if (files is [var file])
        {
            // The host's request size limit bounds what is read here; the 5 MB rule is the validator's.
            using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await file.CopyToAsync(buffer, cancellationToken);
            receipt = new ReceiptUpload(Path.GetFileName(file.FileName), file.ContentType, buffer.ToArray());
        }
        return new SubmitExpense(activityId, date!.Value, category!.Value, form[Description].ToString(), amount!.Value, vat!.Value, receipt);
    }

    private static decimal? ParseAmount(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    private static T? Read<T>(IFormCollection form, string field, List<ValidationFailure> errors, string expected, Func<string, T?> parse) where T : struct
    {
        var text = form[field].ToString().Trim();
        if (text.Length == 0)
        {
            errors.Add(new ValidationFailure(field, "Required."));
            return null;
        }
        var value = parse(text);
        if (value is null) errors.Add(new ValidationFailure(field, $"'{text}' cannot be read: {expected}"));
        return value;
    }
}

/// <summary>
/// Stays a minimal-API endpoint: Wolverine.Http documents a form only from bound form fields, so the multipart body read
/// by <see cref="SubmitExpenseForm"/> would leave the OpenAPI document (and the typed client) without its request body.
/// </summary>
internal sealed class SubmitExpenseEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module) => module
        .MapPost("/activities/{activityId:guid}/expenses", async (Guid activityId, HttpRequest request, IMessageBus bus, CancellationToken ct) =>
        {
            var command = await SubmitExpenseForm.ReadAsync(activityId, request, ct);
            var id = await bus.InvokeAsync<Guid>(command, ct);
            return TypedResults.Created($"/api/activities/expenses/{id}", new ResourceCreated(id));
        })
        .WithName("SubmitExpense")
        .WithSummary("Submits an expense of the caller's activity as multipart/form-data: expenseDate (yyyy-MM-dd), category, description, " +
                     "amountInclVat, recoverableVat, receipt (a PDF, PNG or JPEG file of at most 5 MB, recognised from its content).")
        .Accepts<IFormCollection>("multipart/form-data")
        // A bearer-token API: no cookie rides along with a forged form, so there is no antiforgery token to check.
        .DisableAntiforgery()
        .ProducesCommandProblems()
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
