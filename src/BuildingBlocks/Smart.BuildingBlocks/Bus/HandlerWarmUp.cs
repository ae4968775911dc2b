using Microsoft.Extensions.Hosting;
using Wolverine.Runtime;

namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// Attaches every handler of the bus once, as the host finishes starting, before it answers or takes a message.
/// Where Wolverine 6.62 attaches a handler on its first message (TypeLoadMode.Auto: Debug, the tests), it publishes
/// the handler before setting its chain: two first messages of one type at the same moment could find it half-built —
/// a NullReferenceException in <c>MessageHandler.MessageType</c> while the executor is built, and the message straight
/// in dead letters, without a retry (four <c>EntitySettingsChanged</c> at once in a test host). Release (TypeLoadMode.Static)
/// attaches every handler at start already; this makes every mode do so.
/// </summary>
internal sealed class HandlerWarmUp(IWolverineRuntime runtime) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var handlers = ((WolverineRuntime)runtime).Handlers;
        foreach (var chain in handlers.Chains)
        {
            if (chain.Handlers.Count > 0) handlers.HandlerFor(chain.MessageType);
            foreach (var (separated, endpoint) in chain.ByEndpoint.SelectMany(c => c.Endpoints.Select(e => (c, e))))
            {
                handlers.HandlerFor(separated.MessageType, endpoint);
            }
        }
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
