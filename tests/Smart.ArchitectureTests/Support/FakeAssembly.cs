using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Smart.ArchitectureTests.Support;

/// <summary>
/// Builds a small assembly in memory with Mono.Cecil, to prove a rule catches a breach without touching src/.
/// <see cref="Build"/> writes it to a stream and reads it back, so rules see the metadata as a compiler would leave it.
/// </summary>
internal sealed class FakeAssembly
{
    private readonly AssemblyDefinition _assembly;

    public FakeAssembly(string name)
    {
        _assembly = AssemblyDefinition.CreateAssembly(
            new AssemblyNameDefinition(name, new Version(1, 0, 0, 0)), name, ModuleKind.Dll);
    }

    public ModuleDefinition Module => _assembly.MainModule;

    /// <summary>A reference to a type in another assembly, adding the assembly reference if needed.</summary>
    public TypeReference TypeIn(string assembly, string @namespace, string name, bool isValueType = false) =>
        new(@namespace, name, Module, Reference(assembly), isValueType);

    public TypeReference NestedTypeIn(TypeReference declaring, string name) =>
        new(string.Empty, name, Module, declaring.Scope) { DeclaringType = declaring };

    public AssemblyNameReference Reference(string assembly)
    {
        var existing = Module.AssemblyReferences.FirstOrDefault(reference => reference.Name == assembly);
        if (existing is not null)
        {
            return existing;
        }

        var reference = new AssemblyNameReference(assembly, new Version(1, 0, 0, 0));
        Module.AssemblyReferences.Add(reference);
        return reference;
    }

    public TypeDefinition Class(string @namespace, string name, TypeAttributes visibility = TypeAttributes.Public,
        TypeReference? baseType = null)
    {
        var type = new TypeDefinition(@namespace, name, visibility | TypeAttributes.Class,
            baseType ?? Module.TypeSystem.Object);
        Module.Types.Add(type);
        return type;
    }

    public TypeDefinition Nested(TypeDefinition declaring, string name, bool compilerGenerated,
        TypeAttributes visibility = TypeAttributes.NestedPrivate)
    {
        var type = new TypeDefinition(string.Empty, name, visibility | TypeAttributes.Class | TypeAttributes.Sealed,
            Module.TypeSystem.Object);
        if (compilerGenerated)
        {
            var attribute = new TypeReference("System.Runtime.CompilerServices", "CompilerGeneratedAttribute", Module,
                Module.TypeSystem.CoreLibrary);
            type.CustomAttributes.Add(new CustomAttribute(
                new MethodReference(".ctor", Module.TypeSystem.Void, attribute) { HasThis = true }));
        }

        declaring.NestedTypes.Add(type);
        return type;
    }

    /// <summary>An instance method whose body is written by <paramref name="body"/>, followed by <c>ret</c>.</summary>
    public MethodDefinition Method(TypeDefinition owner, string name, Action<ILProcessor>? body = null,
        TypeReference? returnType = null)
    {
        var method = new MethodDefinition(name, MethodAttributes.Public | MethodAttributes.HideBySig,
            returnType ?? Module.TypeSystem.Void);
        owner.Methods.Add(method);
        var il = method.Body.GetILProcessor();
        body?.Invoke(il);
        il.Emit(OpCodes.Ret);
        return method;
    }

    public FieldDefinition Field(TypeDefinition owner, string name, TypeReference type)
    {
        var field = new FieldDefinition(name, FieldAttributes.Private, type);
        owner.Fields.Add(field);
        return field;
    }

    /// <summary><c>newobj T::.ctor(); pop</c>: creates an instance of a type and drops it.</summary>
    public Action<ILProcessor> NewObject(TypeReference type) => il =>
    {
        il.Emit(OpCodes.Newobj, new MethodReference(".ctor", Module.TypeSystem.Void, type) { HasThis = true });
        il.Emit(OpCodes.Pop);
    };

    /// <summary><c>call static void T::Name()</c>.</summary>
    public Action<ILProcessor> CallStatic(TypeReference type, string name) => il =>
        il.Emit(OpCodes.Call, new MethodReference(name, Module.TypeSystem.Void, type));

    public AssemblyDefinition Build()
    {
        var stream = new MemoryStream();
        _assembly.Write(stream);
        stream.Position = 0;
        return AssemblyDefinition.ReadAssembly(stream,
            new ReaderParameters { AssemblyResolver = ModuleAssemblies.CreateResolver() });
    }
}
