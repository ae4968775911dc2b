using FluentValidation;
using FluentValidation.Results;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;

namespace Smart.UnitTests.BuildingBlocks;

/// <summary>Group commit (ADR 0132): who waits, who goes together, and whose failure is whose.</summary>
public sealed class GroupCommitTests
{
    private static readonly Guid Entity = Guid.Parse("0195f1a2-0000-7000-8000-00000000e001");

    /// <summary>A writer that numbers its calls' results and records its groups; it waits on <see cref="Gate"/> while asked to.</summary>
    private sealed class Writer
    {
        public List<IReadOnlyList<int>> Groups { get; } = [];

        public TaskCompletionSource Gate { get; set; } = Open();

        public Func<int, Exception?> Refuse { get; init; } = _ => null;

        public Func<IReadOnlyList<int>, Exception?> Fail { get; init; } = _ => null;

        public async Task<IReadOnlyList<CallOutcome<int>>> WriteAsync(IReadOnlyList<int> calls)
        {
            lock (Groups) Groups.Add(calls);
            await Gate.Task;
            if (Fail(calls) is { } failure) throw failure;
            return calls.Select(c => Refuse(c) is { } refusal ? CallOutcome<int>.Refused(refusal) : CallOutcome<int>.Done(c * 10)).ToList();
        }

        private static TaskCompletionSource Open()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }

    [Fact]
    public async Task Given_calls_one_after_another_Then_each_is_written_alone_at_once()
    {
        var writer = new Writer();
        var commit = new GroupCommit<int, int>(writer.WriteAsync);

        Assert.Equal(10, await commit.CallAsync(Entity, 1));
        Assert.Equal(20, await commit.CallAsync(Entity, 2));

        Assert.Equal([[1], [2]], writer.Groups);
    }

    [Fact]
    public async Task Given_five_calls_while_a_group_is_written_Then_they_go_together_in_the_next_group_and_each_gets_its_own_result()
    {
        var writer = new Writer { Gate = Held() };
        var commit = new GroupCommit<int, int>(writer.WriteAsync);
        var (first, waiting) = await AskedWhileFirstIsWrittenAsync(commit, writer, 1, Enumerable.Range(2, 5));

        Assert.Equal(10, await first);
        Assert.Equal(new[] { 20, 30, 40, 50, 60 }, await Task.WhenAll(waiting));
        Assert.Equal([[1], [2, 3, 4, 5, 6]], writer.Groups);
    }

    [Fact]
    public async Task Given_calls_of_two_entities_Then_one_entity_does_not_wait_for_the_others_group()
    {
        var writer = new Writer { Gate = Held() };
        var commit = new GroupCommit<int, int>(writer.WriteAsync);
        var held = await WritingFirstAsync(commit, writer, 1);

        var otherEntity = commit.CallAsync(Guid.NewGuid(), 2);
        await WaitUntilAsync(() => writer.Groups.Count == 2);

        Assert.False(held.IsCompleted);
        writer.Gate.SetResult();
        Assert.Equal((10, 20), (await held, await otherEntity));
    }

    [Fact]
    public async Task Given_a_group_with_a_refused_call_Then_only_that_caller_gets_the_refusal()
    {
        var writer = new Writer
        {
            Gate = Held(),
            Refuse = call => call == 3 ? new ValidationException([new ValidationFailure("IssueDate", "Numbers follow dates.")]) : null,
        };
        var commit = new GroupCommit<int, int>(writer.WriteAsync);
        var (first, calls) = await AskedWhileFirstIsWrittenAsync(commit, writer, 1, Enumerable.Range(2, 3));

        await first;
        Assert.Equal(20, await calls[0]);
        await Assert.ThrowsAsync<ValidationException>(() => calls[1]);
        Assert.Equal(40, await calls[2]);
        Assert.Equal(2, writer.Groups.Count);
    }

    [Fact]
    public async Task Given_a_group_that_fails_as_a_whole_Then_each_call_is_written_again_alone_and_only_the_faulty_one_fails()
    {
        var writer = new Writer
        {
            Gate = Held(),
            // A fault of the whole transaction (not a refusal) whenever call 3 is in the group, e.g. a value the database refuses.
            Fail = group => group.Contains(3) ? new InvalidOperationException("The transaction failed.") : null,
        };
        var commit = new GroupCommit<int, int>(writer.WriteAsync);
        var (first, calls) = await AskedWhileFirstIsWrittenAsync(commit, writer, 1, Enumerable.Range(2, 3));

        await first;
        Assert.Equal(20, await calls[0]);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => calls[1]);
        Assert.Equal("The transaction failed.", failure.Message);
        Assert.Equal(40, await calls[2]);
        Assert.Equal([[1], [2, 3, 4], [2], [3], [4]], writer.Groups);
    }

    [Fact]
    public async Task Given_more_calls_waiting_than_the_largest_group_Then_they_are_written_in_groups_of_that_size()
    {
        var writer = new Writer { Gate = Held() };
        var commit = new GroupCommit<int, int>(writer.WriteAsync, largestGroup: 4);
        var (first, calls) = await AskedWhileFirstIsWrittenAsync(commit, writer, 0, Enumerable.Range(1, 10));

        await first;
        await Task.WhenAll(calls);
        Assert.Equal([1, 4, 4, 2], writer.Groups.Select(g => g.Count));
    }

    [Fact]
    public void Given_failures_Then_404_400_and_broken_rules_are_a_calls_own_refusal_and_anything_else_is_the_groups_fault()
    {
        Assert.True(CallOutcome<int>.IsRefusal(new NotFoundException("Activity", Guid.Empty)));
        Assert.True(CallOutcome<int>.IsRefusal(new ValidationException("Numbers follow dates.")));
        Assert.True(CallOutcome<int>.IsRefusal(InForce.Missing("rules of the entity", new DateOnly(2026, 1, 1))));
        Assert.False(CallOutcome<int>.IsRefusal(new InvalidOperationException("The connection broke.")));
    }

    /// <summary>A first call, once its group is being written (the writer waiting at its gate): what comes next waits.</summary>
    private static async Task<Task<int>> WritingFirstAsync(GroupCommit<int, int> commit, Writer writer, int call)
    {
        var first = commit.CallAsync(Entity, call);
        await WaitUntilAsync(() => writer.Groups.Count == 1);
        return first;
    }

    /// <summary>The first call being written, the others asked meanwhile (they wait); then the writer's gate opens.</summary>
    private static async Task<(Task<int> First, List<Task<int>> Waiting)> AskedWhileFirstIsWrittenAsync(GroupCommit<int, int> commit, Writer writer, int first,
        IEnumerable<int> waiting)
    {
        var written = await WritingFirstAsync(commit, writer, first);
        var asked = waiting.Select(call => commit.CallAsync(Entity, call)).ToList();
        writer.Gate.SetResult();
        return (written, asked);
    }

    /// <summary>A gate the writer waits at until the test opens it.</summary>
    private static TaskCompletionSource Held() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var tries = 0; !condition(); tries++)
        {
            Assert.True(tries < 500, "The condition was not met within 5 s.");
            await Task.Delay(10);
        }
    }
}
