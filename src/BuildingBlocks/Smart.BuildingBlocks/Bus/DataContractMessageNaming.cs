using System.Reflection;
using System.Runtime.Serialization;
using Wolverine.Util;

namespace Smart.BuildingBlocks.Bus;

/// <summary>
/// Stable message names: a message that is stored (published, scheduled) carries
/// <c>[DataContract(Name = "module.thing-happened.v1")]</c>, a framework attribute, so that <c>.Contracts</c> stay free
/// of packages. Wolverine stores that name, never the CLR name, so renaming a class does not orphan stored messages.
/// </summary>
public sealed class DataContractMessageNaming : IMessageTypeNaming
{
    public bool TryDetermineName(Type messageType, out string messageTypeName)
    {
        messageTypeName = messageType.GetCustomAttribute<DataContractAttribute>()?.Name ?? "";
        return messageTypeName.Length > 0;
    }
}
