using Smart.Modules.Activities.Contracts;

namespace Smart.Modules.Breaches.Features
{
    /// <summary>Breach: a handler of Activities' event outside the module's Inbound namespace.</summary>
    public sealed class InvoiceIssuedHandledAmongFeatures
    {
        public Task HandleAsync(InvoiceIssued issued, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

namespace Smart.Modules.Breaches.Inbound
{
    /// <summary>Where such a handler belongs: not reported.</summary>
    public sealed class InvoiceIssuedHandler
    {
        public Task HandleAsync(InvoiceIssued issued, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
