using Wolverine;

namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// The members of a batch its handler cannot handle now (ADR 0130): a payslip whose request is unknown, a contract
/// whose activity is not recorded yet. The handler handles the others and commits them; each straggler goes back alone
/// to the batch's queue, in the same transaction, where it is retried on the bus's ladder for its failure and, if it
/// never passes, reaches dead letters alone. A batch of one member throws its failure: it is that lone message.
/// A member is declared a straggler before anything of it is written.
/// </summary>
public sealed class BatchStragglers<T>(IReadOnlyCollection<T> batch, IMessageContext context) where T : notnull
{
    private readonly List<T> _stragglers = [];

    public void Add(T member, Exception failure)
    {
        if (batch.Count == 1) throw failure;
        _stragglers.Add(member);
    }

    /// <summary>Sends each straggler back alone, with the handler's transaction.</summary>
    public async Task SendBackAsync()
    {
        if (_stragglers.Count == 0) return;
        var queue = context.EndpointFor(context.Envelope?.Destination ?? throw new InvalidOperationException("A batch is handled from a queue."));
        foreach (var straggler in _stragglers) await queue.SendAsync(new[] { straggler });
    }
}
