using System.Reflection;
using Smart.BuildingBlocks.Modules;

namespace Smart.BuildingBlocks.Messaging;

/// <summary>
/// A handler method found by convention, Wolverine style: a class named <c>...Handler</c> in a module assembly,
/// a method <c>Handle</c> or <c>HandleAsync</c> whose first parameter is the message; the other parameters
/// are resolved from the message's scope.
/// </summary>
internal sealed class HandlerDescriptor(IModule module, Type handlerType, MethodInfo method)
{
    public IModule Module { get; } = module;

    public Type HandlerType { get; } = handlerType;

    public Type MessageType { get; } = method.GetParameters()[0].ParameterType;

    /// <summary>Stored with each delivery and in the inbox.</summary>
    public string Id { get; } = $"{module.Name}:{handlerType.FullName}";

    public async Task<object?> InvokeAsync(IServiceProvider services, object message, CancellationToken cancellationToken)
    {
        var target = method.IsStatic ? null : services.GetService(HandlerType) ?? throw new InvalidOperationException($"{HandlerType} is not registered.");
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        arguments[0] = message;
        for (var i = 1; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            arguments[i] = type == typeof(CancellationToken)
                ? cancellationToken
                : services.GetService(type) ?? throw new InvalidOperationException($"{HandlerType.Name}.{method.Name}: cannot resolve {type}.");
        }

        var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        switch (returned)
        {
            case Task task:
                await task;
                return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)method.ReturnType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    await asTask;
                    return asTask.GetType().GetProperty("Result")!.GetValue(asTask);
                }
                return returned;
        }
    }
}

internal sealed class HandlerRegistry
{
    private readonly Dictionary<Type, List<HandlerDescriptor>> _byMessage = [];
    private readonly Dictionary<(string HandlerId, Type MessageType), HandlerDescriptor> _byKey = [];

    public HandlerRegistry(ModuleCatalog catalog)
    {
        foreach (var module in catalog.Modules)
        {
            foreach (var (type, method) in Discover(module.GetType().Assembly))
            {
                var handler = new HandlerDescriptor(module, type, method);
                if (!_byKey.TryAdd((handler.Id, handler.MessageType), handler))
                {
                    throw new InvalidOperationException($"{type} handles {handler.MessageType} twice.");
                }
                if (!_byMessage.TryGetValue(handler.MessageType, out var list))
                {
                    _byMessage[handler.MessageType] = list = [];
                }
                list.Add(handler);
            }
        }
    }

    public static IEnumerable<Type> HandlerTypes(Assembly assembly) => Discover(assembly).Select(d => d.Type).Distinct();

    public IReadOnlyList<HandlerDescriptor> For(Type messageType) =>
        _byMessage.TryGetValue(messageType, out var handlers) ? handlers : [];

    /// <summary>The single handler of a command or query.</summary>
    public HandlerDescriptor Single(Type messageType) => For(messageType) switch
    {
        [var only] => only,
        [] => throw new InvalidOperationException($"No handler for {messageType}."),
        var many => throw new InvalidOperationException($"{messageType} has {many.Count} handlers; invoke needs exactly one."),
    };

    /// <summary>Finds the handler of a stored delivery: by handler id and message type.</summary>
    public HandlerDescriptor? Find(string handlerId, Type messageType) =>
        _byKey.GetValueOrDefault((handlerId, messageType));

    private static IEnumerable<(Type Type, MethodInfo Method)> Discover(Assembly assembly) =>
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false } || type is { IsAbstract: true, IsSealed: true } // static classes too
        where type.Name.EndsWith("Handler", StringComparison.Ordinal) && !type.IsGenericTypeDefinition
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where method.Name is "Handle" or "HandleAsync" && method.GetParameters().Length > 0
        select (type, method);
}
