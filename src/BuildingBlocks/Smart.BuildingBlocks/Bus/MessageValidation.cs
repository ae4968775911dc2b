using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Results;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// FluentValidation for every Wolverine handler whose message has validators (WolverineFx.FluentValidation is not
/// served): the generated handler calls <see cref="MessageValidators.ValidateAsync{T}"/> first, which throws a
/// <see cref="ValidationException"/> (a 400 over HTTP, a dead letter for a delivered message).
/// </summary>
internal sealed class MessageValidationPolicy : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (!container.RegistrationsFor(typeof(IValidator<>).MakeGenericType(chain.MessageType)).Any()) continue;
            var method = typeof(MessageValidators).GetMethod(nameof(MessageValidators.ValidateAsync))!.MakeGenericMethod(chain.MessageType);
            chain.Middleware.Insert(0, new MethodCall(typeof(MessageValidators), method) { CommentText = "FluentValidation of the message" });
        }
    }
}

/// <summary>
/// The validators of each message type, resolved once from the root container (validators are stateless singletons);
/// a singleton itself, so that generated code takes it as a field and internal validator classes need no codegen.
/// </summary>
public sealed class MessageValidators(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, IValidator[]> _byType = new();

    public async Task ValidateAsync<T>(T message, CancellationToken cancellationToken)
    {
        var validators = _byType.GetOrAdd(typeof(T), type => services.GetServices<IValidator<T>>().Cast<IValidator>().ToArray());
        List<ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<T>(message), cancellationToken);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }
        if (failures is not null)
        {
            throw new ValidationException(failures);
        }
    }
}
