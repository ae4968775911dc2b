using Marten;
using Smart.BuildingBlocks.Documents;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Members;

namespace Smart.Modules.Activities.Features.SalesDocuments;

/// <summary>The head of a sales document as it is issued: the seller's identity in force on its date, the client and the contact today.</summary>
internal static class SalesDocumentHeadings
{
    /// <summary>Copied into the document when it is issued; an entity without a legal identity on that date cannot issue one (409).</summary>
    public static async Task<DocumentHeading> HeadingAsync(this IQuerySession session, Activity activity, Client client, DateOnly date, CancellationToken cancellationToken) =>
        await HeadingAsync(session, await session.SellerIdentityAsync(activity.EntityId, date, cancellationToken), activity, client, cancellationToken);

    /// <summary>
    /// For documents issued before they carried their heading: rebuilt from today's copies, the seller as in force on the
    /// document's date (versions never change), or null when the entity has no identity on that date.
    /// </summary>
    public static async Task<DocumentHeading?> RebuiltHeadingAsync(this IQuerySession session, Guid activityId, Guid clientId, DateOnly date, CancellationToken cancellationToken)
    {
        var activity = await session.LoadAsync<Activity>(activityId, cancellationToken);
        var client = await session.LoadAsync<Client>(clientId, cancellationToken);
        var seller = activity is null ? null : await session.FindSellerIdentityAsync(activity.EntityId, date, cancellationToken);
        return activity is null || client is null || seller is null ? null : await HeadingAsync(session, seller, activity, client, cancellationToken);
    }

    private static async Task<DocumentHeading> HeadingAsync(IQuerySession session, SellerIdentityVersion seller, Activity activity, Client client, CancellationToken cancellationToken) =>
        Heading(seller, activity, client, await session.LoadAsync<Member>(activity.CoordinatorId, cancellationToken));

    /// <summary>The heading from what the caller has read (in one batch with its other reads): the activity's coordinator is the contact.</summary>
    public static DocumentHeading Heading(SellerIdentityVersion seller, Activity activity, Client client, Member? coordinator) =>
        new(seller.ToSeller(), Buyer(client), new DocumentContact(activity.Name, coordinator?.DisplayName ?? "", coordinator?.Email));

    /// <summary>The logo of the identity version the heading names, if it has one.</summary>
    public static async Task<DocumentImage?> LogoAsync(this IQuerySession session, DocumentHeading? heading, CancellationToken cancellationToken) =>
        heading?.Seller.LogoId is { } id && await session.LoadAsync<SellerIdentityVersion>(id, cancellationToken) is { Logo: { } logo }
            ? new DocumentImage(logo.ContentType, logo.Content)
            : null;

    private static BuyerIdentity Buyer(Client client)
    {
        var a = client.BillingAddress;
        return new BuyerIdentity(client.Name, client.LegalForm, AddressLines.Of(a.Line1, a.Line2, a.PostalCode, a.City, a.Country), client.Siren, client.VatNumber);
    }
}
