using Mono.Cecil;
using Mono.Cecil.Cil;
using Smart.ArchitectureTests.Support;

namespace Smart.ArchitectureTests;

public sealed class TypeDependenciesTests
{
    [Fact]
    public void Given_a_lambda_in_a_display_class_inside_a_state_machine_Then_should_attribute_it_to_the_outer_type()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var payslip = fake.TypeIn("Smart.Modules.Payroll", "Smart.Modules.Payroll.Domain", "Payslip");
        var importer = fake.Class("Smart.Modules.Fake.Features", "Importer", TypeAttributes.NotPublic);
        var stateMachine = fake.Nested(importer, "<ImportAsync>d__2", compilerGenerated: true);
        var displayClass = fake.Nested(stateMachine, "<>c__DisplayClass2_0", compilerGenerated: true);
        fake.Method(displayClass, "<ImportAsync>b__0", fake.NewObject(payslip));

        var assembly = fake.Build();
        var dependencies = TypeDependencies.Of(assembly.MainModule.GetType("Smart.Modules.Fake.Features.Importer"));

        var dependency = Assert.Single(dependencies, d => d.TargetName == "Smart.Modules.Payroll.Domain.Payslip");
        Assert.Equal("Smart.Modules.Fake.Features.Importer", dependency.OriginName);
        Assert.Equal("Smart.Modules.Payroll", dependency.TargetAssembly);
        Assert.Equal(
            "Smart.Modules.Fake.Features.Importer -> Smart.Modules.Payroll.Domain.Payslip (in method ImportAsync)",
            dependency.ToString());
    }

    [Fact]
    public void Given_a_lambda_cached_in_the_c_class_Then_should_name_the_source_method()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var payslip = fake.TypeIn("Smart.Modules.Payroll", "Smart.Modules.Payroll.Domain", "Payslip");
        var importer = fake.Class("Smart.Modules.Fake", "Importer", TypeAttributes.NotPublic);
        var cache = fake.Nested(importer, "<>c", compilerGenerated: true);
        fake.Method(cache, "<Bar>b__3_0", fake.NewObject(payslip));

        var dependencies = TypeDependencies.Of(fake.Build().MainModule.GetType("Smart.Modules.Fake.Importer"));

        Assert.Contains(dependencies, d => d.ToString()
            == "Smart.Modules.Fake.Importer -> Smart.Modules.Payroll.Domain.Payslip (in method Bar)");
    }

    [Fact]
    public void Given_references_in_every_place_Then_should_collect_each_of_them()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        TypeReference Target(string name) => fake.TypeIn("Other", "Other", name);
        var type = fake.Class("Smart.Modules.Fake", "Everything", TypeAttributes.NotPublic, Target("Base"));
        type.Interfaces.Add(new InterfaceImplementation(Target("IInterface")));
        fake.Field(type, "_field", new ArrayType(Target("FieldElement")));
        var method = fake.Method(type, "Run", il =>
        {
            il.Emit(OpCodes.Ldtoken, Target("Token"));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ldsfld, new FieldReference("Value", Target("FieldType"), Target("FieldOwner")));
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Call, new MethodReference("Make", Target("Returned"), Target("CalledOwner"))
            {
                Parameters = { new ParameterDefinition(Target("Parameter")) },
            });
            il.Emit(OpCodes.Pop);
        }, Target("SignatureReturn"));
        method.Body.Variables.Add(new VariableDefinition(Target("Local")));
        var property = new PropertyDefinition("Value", PropertyAttributes.None, Target("PropertyType"));
        type.Properties.Add(property);

        var targets = TypeDependencies.Of(fake.Build().MainModule.GetType("Smart.Modules.Fake.Everything"))
            .Select(d => d.TargetName).ToHashSet();

        Assert.Subset(targets, new[]
        {
            "Other.Base", "Other.IInterface", "Other.FieldElement", "Other.Token", "Other.FieldType",
            "Other.FieldOwner", "Other.Returned", "Other.CalledOwner", "Other.Parameter", "Other.SignatureReturn",
            "Other.Local", "Other.PropertyType",
        }.ToHashSet());
    }
}
