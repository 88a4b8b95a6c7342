namespace SweLancer.Hosting.Remoting;

/// <summary>Remoting TLS cannot be set up as configured; the message names the option or file at fault.</summary>
public sealed class RemotingTlsException(string message, Exception? inner = null) : Exception(message, inner);
