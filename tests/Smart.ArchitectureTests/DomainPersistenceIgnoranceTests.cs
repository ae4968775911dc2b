using Mono.Cecil;
using Smart.ArchitectureTests.Rules;
using Smart.ArchitectureTests.Support;

namespace Smart.ArchitectureTests;

public sealed class DomainPersistenceIgnoranceTests
{
    private readonly DomainPersistenceIgnoranceRule _rule = new();

    [Theory]
    [MemberData(nameof(ModuleAssemblies.Modules), MemberType = typeof(ModuleAssemblies))]
    public void Given_a_module_domain_Then_should_not_reference_persistence_web_or_container(string module)
    {
        using var assemblies = new ModuleAssemblies();

        _rule.Assert(_rule.Check(assemblies.Implementation(module)));
    }

    [Fact]
    public void Given_a_domain_type_with_a_db_context_field_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var dbContext = fake.TypeIn("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext");
        var order = fake.Class("Smart.Modules.Fake.Domain.Orders", "Order", TypeAttributes.NotPublic);
        fake.Field(order, "_db", dbContext);

        var violations = _rule.Check(fake.Build());

        Assert.Equal(
            [new Violation("Smart.Modules.Fake.Domain.Orders.Order", "-> Microsoft.EntityFrameworkCore.DbContext (field _db)")],
            violations);
    }

    [Fact]
    public void Given_a_domain_lambda_calling_the_container_Then_should_report_the_domain_type()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var extensions = fake.TypeIn("Microsoft.Extensions.DependencyInjection.Abstractions",
            "Microsoft.Extensions.DependencyInjection", "ServiceCollectionServiceExtensions");
        var order = fake.Class("Smart.Modules.Fake.Domain", "Order", TypeAttributes.NotPublic);
        var closure = fake.Nested(order, "<>c", compilerGenerated: true);
        fake.Method(closure, "<Register>b__0_0", fake.CallStatic(extensions, "AddScoped"));

        var violations = _rule.Check(fake.Build());

        Assert.Contains(new Violation("Smart.Modules.Fake.Domain.Order",
            "-> Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions (in method Register)"),
            violations);
    }

    [Fact]
    public void Given_ef_core_outside_the_domain_Then_should_report_nothing()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var dbContext = fake.TypeIn("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext");
        fake.Class("Smart.Modules.Fake.Persistence", "FakeDbContext", TypeAttributes.NotPublic, dbContext);
        // "DomainEvents" is not the Domain namespace: the match is on whole namespace segments.
        var notDomain = fake.Class("Smart.Modules.Fake.DomainEvents", "Mapper", TypeAttributes.NotPublic);
        fake.Field(notDomain, "_db", dbContext);

        Assert.Empty(_rule.Check(fake.Build()));
    }
}
