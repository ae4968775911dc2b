using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Smart.ArchitectureTests;

/// <summary>One type referenced by a type: the referring (outermost) type, the referenced leaf type and where.</summary>
public sealed record TypeDependency(TypeDefinition Origin, TypeReference Target, string Context)
{
    public string OriginName => TypeDependencies.DisplayName(Origin);

    public string TargetName => TypeDependencies.DisplayName(Target);

    /// <summary>The assembly that defines the target, e.g. "Smart.Modules.Payroll" or "System.Runtime".</summary>
    public string TargetAssembly => TypeDependencies.AssemblyOf(Target);

    /// <summary>The namespace of the target (of its outermost declaring type when nested).</summary>
    public string TargetNamespace => TypeDependencies.NamespaceOf(Target);

    public override string ToString() => $"{OriginName} -> {TargetName} ({Context})";
}

/// <summary>
/// Collects every type a type refers to, the way the CLR sees it: base type, interfaces, generic constraints,
/// fields, properties, events, method signatures, local variables, catch clauses, custom attributes (with their
/// typeof and enum arguments) and every operand of every instruction. Nested types are followed recursively and
/// count for their outermost declaring type, so a dependency hidden in an async state machine, an iterator or a
/// lambda's display class is charged to the type the developer wrote.
/// Generic instances, arrays, pointers, by-refs and modifiers are unwrapped to the leaf types they are made of.
/// </summary>
public static class TypeDependencies
{
    /// <summary>Dependencies of every top-level type of the assembly (nested types are included in their outer type).</summary>
    public static IReadOnlyList<TypeDependency> OfAssembly(AssemblyDefinition assembly) =>
        assembly.Modules.SelectMany(module => module.Types).SelectMany(Of).ToList();

    /// <summary>Dependencies of a type and of all its nested types, charged to its outermost declaring type.</summary>
    public static IReadOnlyList<TypeDependency> Of(TypeDefinition type)
    {
        var collector = new Collector(Outermost(type));
        collector.Visit(type);
        return collector.Found;
    }

    public static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    /// <summary>Full name with nested types shown as <c>Outer+Inner</c>.</summary>
    public static string DisplayName(TypeReference type) => type.FullName.Replace('/', '+');

    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>The simple name of the assembly defining a (leaf) type.</summary>
    public static string AssemblyOf(TypeReference type) => type.Scope switch
    {
        ModuleDefinition module => module.Assembly?.Name.Name ?? module.Name,
        AssemblyNameReference assembly => assembly.Name,
        // A module reference is another module of the same (multi-module) assembly.
        ModuleReference => type.Module.Assembly?.Name.Name ?? type.Module.Name,
        _ => type.Module.Assembly?.Name.Name ?? string.Empty,
    };

    /// <summary>True when the namespace is <paramref name="root"/> or one of its children.</summary>
    public static bool IsInNamespace(string @namespace, string root) =>
        @namespace == root || @namespace.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>Compiler-generated types and members have names the language cannot spell: they start with '<'.</summary>
    internal static bool IsGeneratedName(string name) => name.StartsWith('<');

    /// <summary>"Bar" from "&lt;Bar&gt;d__3" or "&lt;Bar&gt;b__0_0"; null for "&lt;&gt;c" or ordinary names.</summary>
    internal static string? SourceName(string generatedName)
    {
        if (!IsGeneratedName(generatedName))
        {
            return null;
        }

        var depth = 0;
        for (var i = 0; i < generatedName.Length; i++)
        {
            depth += generatedName[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0)
            {
                return i > 1 ? generatedName[1..i] : null;
            }
        }

        return null;
    }

    private sealed class Collector(TypeDefinition origin)
    {
        public List<TypeDependency> Found { get; } = [];

        public void Visit(TypeDefinition type)
        {
            var owner = Owner(type);
            AddType(type.BaseType, In("base type", owner));
            foreach (var implementation in type.Interfaces)
            {
                AddType(implementation.InterfaceType, In("interface", owner));
                AddAttributes(implementation, In("interface attribute", owner));
            }

            AddAttributes(type, In("attribute", owner));
            AddGenericParameters(type, In("generic constraint", owner));

            foreach (var field in type.Fields)
            {
                var context = MemberContext(type, "field", field.Name);
                AddType(field.FieldType, context);
                AddAttributes(field, context);
            }

            foreach (var property in type.Properties)
            {
                var context = MemberContext(type, "property", property.Name);
                AddType(property.PropertyType, context);
                foreach (var parameter in property.Parameters)
                {
                    AddType(parameter.ParameterType, context);
                }

                AddAttributes(property, context);
            }

            foreach (var @event in type.Events)
            {
                var context = MemberContext(type, "event", @event.Name);
                AddType(@event.EventType, context);
                AddAttributes(@event, context);
            }

            foreach (var method in type.Methods)
            {
                VisitMethod(method);
            }

            foreach (var nested in type.NestedTypes)
            {
                Visit(nested);
            }
        }

        private void VisitMethod(MethodDefinition method)
        {
            var context = MethodContext(method);
            AddType(method.ReturnType, context);
            AddAttributes(method.MethodReturnType, context);
            foreach (var parameter in method.Parameters)
            {
                AddType(parameter.ParameterType, context);
                AddAttributes(parameter, context);
            }

            AddAttributes(method, context);
            AddGenericParameters(method, context);
            foreach (var overridden in method.Overrides)
            {
                AddMethod(overridden, context);
            }

            if (!method.HasBody)
            {
                return;
            }

            foreach (var variable in method.Body.Variables)
            {
                AddType(variable.VariableType, context);
            }

            foreach (var handler in method.Body.ExceptionHandlers)
            {
                AddType(handler.CatchType, context);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference type:
                        AddType(type, context);
                        break;
                    case MethodReference called:
                        AddMethod(called, context);
                        break;
                    case FieldReference field:
                        AddType(field.DeclaringType, context);
                        AddType(field.FieldType, context);
                        break;
                    case CallSite callSite:
                        AddType(callSite.ReturnType, context);
                        foreach (var parameter in callSite.Parameters)
                        {
                            AddType(parameter.ParameterType, context);
                        }

                        break;
                }
            }
        }

        private void AddMethod(MethodReference method, string context)
        {
            if (method is GenericInstanceMethod instance)
            {
                foreach (var argument in instance.GenericArguments)
                {
                    AddType(argument, context);
                }

                method = instance.ElementMethod;
            }

            AddType(method.DeclaringType, context);
            AddType(method.ReturnType, context);
            foreach (var parameter in method.Parameters)
            {
                AddType(parameter.ParameterType, context);
            }
        }

        private void AddType(TypeReference? type, string context)
        {
            switch (type)
            {
                case null:
                case GenericParameter:
                    // A generic parameter is not a dependency; its constraints are collected where it is declared.
                    return;
                case GenericInstanceType instance:
                    AddType(instance.ElementType, context);
                    foreach (var argument in instance.GenericArguments)
                    {
                        AddType(argument, context);
                    }

                    return;
                case FunctionPointerType pointer:
                    AddType(pointer.ReturnType, context);
                    foreach (var parameter in pointer.Parameters)
                    {
                        AddType(parameter.ParameterType, context);
                    }

                    return;
                case IModifierType modified:
                    AddType(modified.ModifierType, context);
                    AddType(modified.ElementType, context);
                    return;
                case TypeSpecification specification:
                    // Arrays, pointers, by-refs, pinned and sentinel types.
                    AddType(specification.ElementType, context);
                    return;
                default:
                    Found.Add(new TypeDependency(origin, type, context));
                    return;
            }
        }

        private void AddGenericParameters(IGenericParameterProvider provider, string context)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                foreach (var constraint in parameter.Constraints)
                {
                    AddType(constraint.ConstraintType, context);
                    AddAttributes(constraint, context);
                }

                AddAttributes(parameter, context);
            }
        }

        private void AddAttributes(ICustomAttributeProvider provider, string context)
        {
            if (!provider.HasCustomAttributes)
            {
                return;
            }

            foreach (var attribute in provider.CustomAttributes)
            {
                AddMethod(attribute.Constructor, context);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    AddAttributeArgument(argument, context);
                }

                foreach (var named in attribute.Fields.Concat(attribute.Properties))
                {
                    AddAttributeArgument(named.Argument, context);
                }
            }
        }

        private void AddAttributeArgument(CustomAttributeArgument argument, string context)
        {
            AddType(argument.Type, context);
            switch (argument.Value)
            {
                case TypeReference type: // typeof(...)
                    AddType(type, context);
                    break;
                case CustomAttributeArgument boxed: // an argument typed object
                    AddAttributeArgument(boxed, context);
                    break;
                case CustomAttributeArgument[] array:
                    foreach (var element in array)
                    {
                        AddAttributeArgument(element, context);
                    }

                    break;
            }
        }

        /// <summary>Null for the origin itself, otherwise what a nested type stands for in the source code.</summary>
        private string? Owner(TypeDefinition type)
        {
            if (type == origin)
            {
                return null;
            }

            if (!IsGeneratedName(type.Name))
            {
                return "nested type " + Path(type).TrimEnd('.');
            }

            var source = SourceOfGenerated(type);
            return source is null ? "compiler-generated " + type.Name : "method " + Path(type) + source;
        }

        private static string In(string what, string? owner) => owner is null ? what : $"{what} of {owner}";

        private string MemberContext(TypeDefinition declaring, string kind, string name)
        {
            if (declaring != origin && IsGeneratedName(declaring.Name))
            {
                // Fields of a state machine or display class hold the locals of the method they came from.
                var source = SourceOfGenerated(declaring);
                return source is null
                    ? $"in compiler-generated {declaring.Name}.{name}"
                    : $"in method {Path(declaring)}{source}";
            }

            return $"{kind} {Path(declaring)}{name}";
        }

        private string MethodContext(MethodDefinition method)
        {
            var declaring = method.DeclaringType;
            var source = SourceName(method.Name) ?? SourceOfGenerated(declaring);
            if (source is not null)
            {
                return $"in method {Path(declaring)}{source}";
            }

            return declaring != origin && IsGeneratedName(declaring.Name)
                ? $"in compiler-generated {declaring.Name}.{method.Name}"
                : $"in method {Path(declaring)}{method.Name}";
        }

        /// <summary>The source method a compiler-generated type (or one of its generated outer types) was made for.</summary>
        private string? SourceOfGenerated(TypeDefinition type)
        {
            for (var current = type; current is not null && current != origin; current = current.DeclaringType)
            {
                if (!IsGeneratedName(current.Name))
                {
                    return null;
                }

                if (SourceName(current.Name) is { } source)
                {
                    return source;
                }
            }

            return null;
        }

        /// <summary>"Inner." for a member of a hand-written nested type; generated types are left out.</summary>
        private string Path(TypeDefinition type)
        {
            var names = new Stack<string>();
            for (var current = type; current is not null && current != origin; current = current.DeclaringType)
            {
                if (!IsGeneratedName(current.Name))
                {
                    names.Push(current.Name);
                }
            }

            return names.Count == 0 ? string.Empty : string.Join('.', names) + ".";
        }
    }
}
