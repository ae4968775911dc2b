using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>
/// PostgreSQL folds unquoted names to lower case; snake_case names keep hand-written SQL (the outbox
/// dispatcher, reports) free of quotes. EFCore.NamingConventions is not on our package mirror.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            if (!entity.IsOwned() && entity.GetTableName() is { } table)
            {
                entity.SetTableName(ToSnakeCase(table));
            }
            foreach (var property in entity.GetProperties())
            {
                var storeObject = StoreObjectIdentifier.Create(entity, StoreObjectType.Table);
                if (storeObject is { } so && property.GetColumnName(so) is { } column)
                {
                    property.SetColumnName(ToSnakeCase(column));
                }
            }
            foreach (var key in entity.GetKeys())
            {
                if (key.GetName() is { } name) key.SetName(ToSnakeCase(name));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                if (foreignKey.GetConstraintName() is { } name) foreignKey.SetConstraintName(ToSnakeCase(name));
            }
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetDatabaseName() is { } name) index.SetDatabaseName(ToSnakeCase(name));
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLowerOrDigit || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
