using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Members;

namespace Smart.Modules.Activities.Persistence;

public sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "activities";

    public override string Schema => SchemaName;

    internal DbSet<Member> Members => Set<Member>();

    internal DbSet<EntityRules> EntityRules => Set<EntityRules>();

    internal DbSet<Activity> Activities => Set<Activity>();

    internal DbSet<Client> Clients => Set<Client>();

    internal DbSet<PaymentTermsDefault> PaymentTermsDefaults => Set<PaymentTermsDefault>();

    internal DbSet<Invoice> Invoices => Set<Invoice>();

    internal DbSet<CreditNote> CreditNotes => Set<CreditNote>();

    internal DbSet<Quote> Quotes => Set<Quote>();

    internal DbSet<ContractDocument> ContractDocuments => Set<ContractDocument>();


    internal DbSet<BudgetEntry> BudgetEntries => Set<BudgetEntry>();

    internal DbSet<Expense> Expenses => Set<Expense>();

    internal DbSet<ExpenseReceipt> ExpenseReceipts => Set<ExpenseReceipt>();

    internal DbSet<SalaryRequest> SalaryRequests => Set<SalaryRequest>();

    internal DbSet<Equipment> Equipment => Set<Equipment>();

    internal DbSet<FinancingLimits> FinancingLimits => Set<FinancingLimits>();
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.MemberId);
        builder.Property(m => m.MemberId).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.DisplayName).HasMaxLength(300);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.HasIndex(m => m.OfficeId);
    }
}

internal sealed class EntityRulesConfiguration : IEntityTypeConfiguration<EntityRules>
{
    public void Configure(EntityTypeBuilder<EntityRules> builder)
    {
        builder.ToTable("entity_rules");
        builder.HasKey(r => new { r.EntityId, r.EffectiveFrom });
        builder.Property(r => r.EntityCode).HasMaxLength(40);
        builder.Property(r => r.TrainingVatExemptionMention).HasMaxLength(200);
        builder.Property(r => r.ContributionRate).HasPrecision(7, 6);
        builder.Property(r => r.DefaultVatRate).HasPrecision(7, 6);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(a => a.CoordinatorId);
        builder.HasIndex(a => new { a.EntityId, a.OfficeId });
    }
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.LegalForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Typology).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.VatNumber).HasMaxLength(20);
        builder.Property(c => c.BillingEmail).HasMaxLength(254);
        builder.HasIndex(c => new { c.EntityId, c.VatNumber }).IsUnique().HasFilter("vat_number IS NOT NULL");
        builder.HasIndex(c => new { c.EntityId, c.Name });
        builder.ComplexProperty(c => c.BillingAddress, address =>
        {
            address.Property(a => a.Line1).HasMaxLength(200);
            address.Property(a => a.Line2).HasMaxLength(200);
            address.Property(a => a.PostalCode).HasMaxLength(20);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.Country).HasMaxLength(2).IsFixedLength();
        });
    }
}

internal sealed class PaymentTermsDefaultConfiguration : IEntityTypeConfiguration<PaymentTermsDefault>
{
    public void Configure(EntityTypeBuilder<PaymentTermsDefault> builder)
    {
        builder.ToTable("payment_terms_defaults");
        builder.HasKey(d => new { d.Typology, d.EffectiveFrom });
        builder.Property(d => d.Typology).HasConversion<string>().HasMaxLength(20);
        // Configuration data, effective-dated: a change is a new row from a date. French law caps business terms
        // at 60 days; public bodies pay within 30.
        var from = new DateOnly(2013, 1, 1);
        builder.HasData(
            new PaymentTermsDefault(ClientTypology.Company, from, 30),
            new PaymentTermsDefault(ClientTypology.Association, from, 30),
            new PaymentTermsDefault(ClientTypology.PublicBody, from, 30),
            new PaymentTermsDefault(ClientTypology.Individual, from, 15),
            new PaymentTermsDefault(ClientTypology.Abroad, from, 45));
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.HasIndex(i => new { i.EntityId, i.Year, i.Sequence }).IsUnique();
        builder.HasIndex(i => i.ActivityId);
        builder.HasIndex(i => i.ClientId);
        // A quote is turned into one invoice at most.
        builder.HasIndex(i => i.QuoteId).IsUnique().HasFilter("quote_id IS NOT NULL");
        foreach (var amount in new[] { nameof(Invoice.TotalNet), nameof(Invoice.TotalVat), nameof(Invoice.TotalGross), nameof(Invoice.ContributionAmount),
                     nameof(Invoice.CreditedNet), nameof(Invoice.CreditedVat), nameof(Invoice.CreditedContribution), nameof(Invoice.PaidAmount) })
        {
            builder.Property(amount).HasPrecision(14, 2);
        }
        builder.Property(i => i.ContributionRate).HasPrecision(7, 6);
        builder.Property(i => i.VatMention).HasMaxLength(200);
        builder.Ignore(i => i.RemainingToCredit);
        builder.Ignore(i => i.Due);
        builder.Ignore(i => i.IsUnpaid);
        builder.Ignore(i => i.NetRevenueAfterContribution);
        builder.HasOne<Activity>().WithMany().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(i => i.Lines, lines =>
        {
            lines.ToTable("invoice_lines");
            lines.WithOwner().HasForeignKey("InvoiceId");
            lines.Property<int>("Position");
            lines.HasKey("InvoiceId", "Position");
            lines.Property(l => l.Description).HasMaxLength(500);
            lines.Property(l => l.Quantity).HasPrecision(12, 3);
            lines.Property(l => l.UnitPrice).HasPrecision(14, 2);
            lines.Property(l => l.VatRate).HasPrecision(7, 6);
            lines.Property(l => l.Net).HasPrecision(14, 2);
            lines.Property(l => l.Vat).HasPrecision(14, 2);
        });
        builder.Navigation(i => i.Lines).HasField("_lines").AutoInclude();
    }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ToTable("quotes");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Number).HasMaxLength(20);
        builder.HasIndex(q => new { q.EntityId, q.Year, q.Sequence }).IsUnique();
        builder.HasIndex(q => new { q.ActivityId, q.Status });
        builder.Property(q => q.TotalNet).HasPrecision(14, 2);
        builder.Property(q => q.TotalVat).HasPrecision(14, 2);
        builder.Property(q => q.TotalGross).HasPrecision(14, 2);
        builder.Property(q => q.VatMention).HasMaxLength(200);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(q => q.DeclineReason).HasMaxLength(Quote.MaxReasonLength);
        builder.HasOne<Activity>().WithMany().HasForeignKey(q => q.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(q => q.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(q => q.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        // Same line type and arithmetic as invoices, in the quote's own table.
        builder.OwnsMany(q => q.Lines, lines =>
        {
            lines.ToTable("quote_lines");
            lines.WithOwner().HasForeignKey("QuoteId");
            lines.Property<int>("Position");
            lines.HasKey("QuoteId", "Position");
            lines.Property(l => l.Description).HasMaxLength(500);
            lines.Property(l => l.Quantity).HasPrecision(12, 3);
            lines.Property(l => l.UnitPrice).HasPrecision(14, 2);
            lines.Property(l => l.VatRate).HasPrecision(7, 6);
            lines.Property(l => l.Net).HasPrecision(14, 2);
            lines.Property(l => l.Vat).HasPrecision(14, 2);
        });
        builder.Navigation(q => q.Lines).HasField("_lines").AutoInclude();
    }
}

/// <summary>The kind's details sit in one jsonb column (ADR 0020): typed in code, queried by kind only.</summary>
internal sealed class ContractDocumentConfiguration : IEntityTypeConfiguration<ContractDocument>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ContractDocument> builder)
    {
        builder.ToTable("contract_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Number).HasMaxLength(20);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(d => new { d.EntityId, d.Year, d.Sequence }).IsUnique();
        builder.HasIndex(d => new { d.ActivityId, d.Kind });
        builder.Property(d => d.Details).HasColumnType("jsonb").HasConversion(
            details => System.Text.Json.JsonSerializer.Serialize(details, Json),
            json => System.Text.Json.JsonSerializer.Deserialize<ContractDetails>(json, Json)!);
        builder.Property(d => d.Net).HasPrecision(14, 2);
        builder.Property(d => d.VatRate).HasPrecision(7, 6);
        builder.Property(d => d.Vat).HasPrecision(14, 2);
        builder.Property(d => d.Gross).HasPrecision(14, 2);
        builder.Property(d => d.VatMention).HasMaxLength(200);
        builder.HasOne<Activity>().WithMany().HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.ToTable("credit_notes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(20);
        builder.HasIndex(c => new { c.EntityId, c.Year, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.InvoiceId);
        builder.Property(c => c.Net).HasPrecision(14, 2);
        builder.Property(c => c.Vat).HasPrecision(14, 2);
        builder.Property(c => c.Gross).HasPrecision(14, 2);
        builder.Property(c => c.ContributionRefund).HasPrecision(14, 2);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BudgetEntryConfiguration : IEntityTypeConfiguration<BudgetEntry>
{
    public void Configure(EntityTypeBuilder<BudgetEntry> builder)
    {
        builder.ToTable("budget_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Amount).HasPrecision(14, 2);
        builder.Property(e => e.Description).HasMaxLength(300);
        builder.HasIndex(e => new { e.ActivityId, e.Date });
        // A source books each kind of entry once per date: a redelivered message cannot book twice.
        builder.HasIndex(e => new { e.ActivityId, e.Source, e.SourceId, e.Kind, e.Date }).IsUnique();
        builder.HasOne<Activity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.ToTable("expenses");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Description).HasMaxLength(Expense.MaxDescriptionLength);
        builder.Property(e => e.AmountInclVat).HasPrecision(14, 2);
        builder.Property(e => e.RecoverableVat).HasPrecision(14, 2);
        builder.Property(e => e.RefusalReason).HasMaxLength(Expense.MaxRefusalReasonLength);
        builder.Ignore(e => e.Cost);
        builder.HasIndex(e => new { e.ActivityId, e.Status });
        builder.HasIndex(e => new { e.EntityId, e.OfficeId, e.Status });
        builder.HasOne<Activity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Receipts sit in their own table: the expense rows stay small and listing them never reads a file.</summary>
internal sealed class ExpenseReceiptConfiguration : IEntityTypeConfiguration<ExpenseReceipt>
{
    public void Configure(EntityTypeBuilder<ExpenseReceipt> builder)
    {
        builder.ToTable("expense_receipts");
        builder.HasKey(r => r.ExpenseId);
        builder.Property(r => r.ExpenseId).ValueGeneratedNever();
        builder.Property(r => r.ContentType).HasMaxLength(50);
        builder.Property(r => r.FileName).HasMaxLength(ReceiptFile.MaxFileNameLength);
        builder.Property(r => r.Content).HasColumnType("bytea");
        builder.HasOne<Expense>().WithOne().HasForeignKey<ExpenseReceipt>(r => r.ExpenseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SalaryRequestConfiguration : IEntityTypeConfiguration<SalaryRequest>
{
    public void Configure(EntityTypeBuilder<SalaryRequest> builder)
    {
        builder.ToTable("salary_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.EmploymentBudget).HasPrecision(14, 2);
        builder.Property(r => r.ContractKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Days).HasPrecision(6, 2);
        builder.Property(r => r.Hours).HasPrecision(8, 2);
        builder.Property(r => r.Job).HasMaxLength(200);
        builder.Property(r => r.RejectionReason).HasMaxLength(500);
        // The commitment of an activity is the sum over its pending requests.
        builder.HasIndex(r => new { r.ActivityId, r.Status });
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> builder)
    {
        builder.ToTable("equipment");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Description).HasMaxLength(Equipment.MaxDescriptionLength);
        builder.Property(e => e.Supplier).HasMaxLength(Equipment.MaxSupplierLength);
        builder.Property(e => e.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.PriceExclVat).HasPrecision(14, 2);
        builder.Property(e => e.AdvanceAmount).HasPrecision(14, 2);
        builder.Ignore(e => e.Outstanding);
        builder.HasIndex(e => e.ActivityId);
        builder.HasOne<Activity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(e => e.Instalments, instalments =>
        {
            instalments.ToTable("equipment_instalments");
            instalments.WithOwner().HasForeignKey("EquipmentId");
            instalments.HasKey("EquipmentId", nameof(EquipmentInstalment.Number));
            instalments.Property(i => i.Number).ValueGeneratedNever();
            instalments.Property(i => i.Amount).HasPrecision(14, 2);
            instalments.Ignore(i => i.IsBooked);
        });
        builder.Navigation(e => e.Instalments).HasField("_instalments").AutoInclude();
    }
}

internal sealed class FinancingLimitsConfiguration : IEntityTypeConfiguration<FinancingLimits>
{
    public void Configure(EntityTypeBuilder<FinancingLimits> builder)
    {
        builder.ToTable("financing_limits");
        builder.HasKey(l => l.EffectiveFrom);
        // Configuration data, effective-dated: a change is a new row from a date. Five years is the usual longest
        // term of an equipment loan or lease.
        builder.HasData(new FinancingLimits(new DateOnly(2013, 1, 1), maxAdvanceInstalments: 60, maxLeaseMonths: 60));
    }
}
