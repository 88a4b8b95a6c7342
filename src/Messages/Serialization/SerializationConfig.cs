namespace SweLancer.Messages.Serialization;

/// <summary>HOCON that binds every project message to <see cref="SweLancerSerializer"/>.</summary>
public static class SerializationConfig
{
    public static string Hocon => $$"""
        akka.actor {
          serializers.swelancer = "{{typeof(SweLancerSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "{{typeof(ISweLancerMessage).FullName}}, {{typeof(ISweLancerMessage).Assembly.GetName().Name}}" = swelancer
          }
        }
        """;
}
