namespace SweLancer.Messages;

/// <summary>Marks every message and persisted event of the project, so one explicit serializer binds them all.</summary>
public interface ISweLancerMessage;
