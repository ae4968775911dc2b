using FluentValidation;
using Smart.BuildingBlocks.Domain;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>What one call of a group came to: its result, or the refusal that is its alone (a 404, a 400, a broken rule).</summary>
public readonly record struct CallOutcome<TResult>(TResult? Result, Exception? Refusal)
{
    public static CallOutcome<TResult> Done(TResult result) => new(result, null);

    public static CallOutcome<TResult> Refused(Exception refusal) => new(default, refusal);

    /// <summary>Whether a failure is the call's own answer (404, 400, a rule of the cooperative), not a fault of the group.</summary>
    public static bool IsRefusal(Exception failure) => failure is NotFoundException or ValidationException or BusinessRuleViolationException;
}

/// <summary>
/// Group commit (ADR 0132): calls of one key (an entity, whose legal series each of them locks) that arrive while a group
/// of that key is being written wait, and go together in the next group — one transaction, one lock of the series, one
/// commit for all. A call arriving when nothing of its key is being written starts a group at once: one at a time, no
/// call waits. The writer answers each call's outcome, a refused call (its own 404, 400 or rule) not stopping the
/// others; if a group fails as a whole (a database fault), each of its calls is written again alone, so that no call
/// fails for another's sake.
/// </summary>
public sealed class GroupCommit<TCall, TResult>(Func<IReadOnlyList<TCall>, Task<IReadOnlyList<CallOutcome<TResult>>>> write, int largestGroup = 64)
    where TCall : notnull
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Lane> _lanes = new();

    public Task<TResult> CallAsync(Guid key, TCall call)
    {
        var pending = new Pending(call);
        var lane = _lanes.GetOrAdd(key, _ => new Lane());
        bool start;
        lock (lane)
        {
            lane.Waiting.Add(pending);
            start = !lane.Writing;
            lane.Writing = true;
        }
        if (start)
        {
            // The lane's writer must not run in the first caller's context (its request, its user): it writes for all.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => WriteWaitingAsync(lane));
            }
        }
        return pending.Outcome.Task;
    }

    private async Task WriteWaitingAsync(Lane lane)
    {
        while (true)
        {
            List<Pending> group;
            lock (lane)
            {
                if (lane.Waiting.Count == 0)
                {
                    lane.Writing = false;
                    return;
                }
                group = lane.Waiting.GetRange(0, Math.Min(largestGroup, lane.Waiting.Count));
                lane.Waiting.RemoveRange(0, group.Count);
            }
            await WriteAsync(group);
        }
    }

    private async Task WriteAsync(List<Pending> group)
    {
        try
        {
            var outcomes = await write(group.ConvertAll(p => p.Call));
            for (var i = 0; i < group.Count; i++)
            {
                if (outcomes[i].Refusal is { } refusal) group[i].Outcome.SetException(refusal);
                else group[i].Outcome.SetResult(outcomes[i].Result!);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var pending in group) await WriteAsync([pending]);
        }
        catch (Exception failure)
        {
            group[0].Outcome.SetException(failure);
        }
    }

    private sealed class Lane
    {
        public List<Pending> Waiting { get; } = [];

        public bool Writing { get; set; }
    }

    private sealed class Pending(TCall call)
    {
        public TCall Call => call;

        // The caller's continuation must not run on the lane's writer, which goes on with the next group.
        public TaskCompletionSource<TResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
