using Smart.ArchitectureTests.Rules;

namespace Smart.ArchitectureTests;

public sealed class DomainPersistenceIgnoranceTests
{
    private readonly DomainPersistenceIgnoranceRule _breaches = new(SmartArchitecture.Breaches.Module);

    [Theory]
    [MemberData(nameof(SmartArchitecture.Modules), MemberType = typeof(SmartArchitecture))]
    public void Given_a_module_domain_Then_should_not_reference_persistence_messaging_web_or_container(string module) =>
        new DomainPersistenceIgnoranceRule(module).Check(SmartArchitecture.Loaded);

    [Fact]
    public void Given_a_domain_type_with_a_db_context_Then_should_report_it() =>
        Assert.Contains("Microsoft.EntityFrameworkCore.DbContext (Microsoft.EntityFrameworkCore)",
            Reported.For(_breaches, "Domain.DbContextInTheDomain"));

    [Fact]
    public void Given_npgsql_in_a_domain_async_lambda_Then_should_report_the_domain_type() =>
        Assert.Contains("Npgsql.NpgsqlConnectionStringBuilder (Npgsql)", Reported.For(_breaches, "Domain.NpgsqlInAsyncLambda"));

    [Fact]
    public void Given_wolverine_as_a_domain_generic_argument_Then_should_report_the_domain_type() =>
        Assert.Contains("Wolverine.IMessageBus (Wolverine)", Reported.For(_breaches, "Domain.WolverineAsGenericArgument"));

    [Fact]
    public void Given_ef_core_outside_the_domain_namespace_Then_should_report_only_the_domain_breaches() =>
        // Smart.Modules.Breaches.DomainEvents is not the Domain namespace: whole namespace segments are compared.
        Assert.Equal(
            Reported.Breach("Domain.DbContextInTheDomain", "Domain.NpgsqlInAsyncLambda", "Domain.WolverineAsGenericArgument"),
            Reported.Offenders(_breaches));
}
