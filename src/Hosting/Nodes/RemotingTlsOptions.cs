using System.CommandLine;
using SweLancer.Hosting.Remoting;

namespace SweLancer.Hosting.Nodes;

/// <summary>
/// The remoting TLS flags. Passwords come from a file or the environment, never a flag (flags show in process lists).
/// A file that cannot be used is a command-line error naming the flag and the file.
/// </summary>
public sealed class RemotingTlsOptions
{
    public const string PasswordVariable = "SWELANCER_REMOTING_TLS_PASSWORD";

    private readonly Option<string?> _certificate = new("--remoting-tls-certificate")
    {
        Description = "Turns on TLS for remoting with this certificate: PKCS#12 (.pfx/.p12), or PEM with --remoting-tls-key. Peers must present the same certificate or one issued by --remoting-tls-ca [env SWELANCER_REMOTING_TLS_CERTIFICATE].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_CERTIFICATE"),
    };

    private readonly Option<string?> _key = new("--remoting-tls-key")
    {
        Description = "The PEM private key of a PEM --remoting-tls-certificate (a Kubernetes TLS Secret's tls.key) [env SWELANCER_REMOTING_TLS_KEY].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_KEY"),
    };

    private readonly Option<string?> _passwordFile = new("--remoting-tls-password-file")
    {
        Description = $"File holding the certificate's (or PEM key's) password [env SWELANCER_REMOTING_TLS_PASSWORD_FILE, or the password itself in {PasswordVariable}].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_PASSWORD_FILE"),
    };

    private readonly Option<string?> _authority = new("--remoting-tls-ca")
    {
        Description = "Also accept peers whose certificate this CA certificate (PEM or DER) issued, for per-node certificates [env SWELANCER_REMOTING_TLS_CA].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_CA"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_certificate);
        command.Options.Add(_key);
        command.Options.Add(_passwordFile);
        command.Options.Add(_authority);
        command.Validators.Add(r =>
        {
            try
            {
                // Defaults are not filled in while validating, hence the environment as fallback.
                Load(r.GetValue(_certificate) ?? EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_CERTIFICATE"),
                    r.GetValue(_key) ?? EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_KEY"),
                    r.GetValue(_passwordFile) ?? EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_PASSWORD_FILE"),
                    r.GetValue(_authority) ?? EnvironmentDefault.Text("SWELANCER_REMOTING_TLS_CA"));
            }
            catch (RemotingTlsException ex)
            {
                r.AddError(ex.Message);
            }
        });
    }

    /// <summary>Null when no certificate is configured: remoting stays plain TCP.</summary>
    public RemotingTls? Read(ParseResult parsed) =>
        Load(parsed.GetValue(_certificate), parsed.GetValue(_key), parsed.GetValue(_passwordFile), parsed.GetValue(_authority));

    public static RemotingTls? Load(string? certificate, string? key, string? passwordFile, string? authority)
    {
        if (certificate is null)
        {
            if (key is not null || passwordFile is not null || authority is not null)
                throw new RemotingTlsException("--remoting-tls-key, --remoting-tls-password-file and --remoting-tls-ca need --remoting-tls-certificate.");
            return null;
        }

        return RemotingTls.Load(certificate, key, Password(passwordFile), authority);
    }

    private static string? Password(string? passwordFile)
    {
        if (passwordFile is null)
            return EnvironmentDefault.Text(PasswordVariable);
        if (!File.Exists(passwordFile))
            throw new RemotingTlsException($"--remoting-tls-password-file: '{passwordFile}' does not exist or is not readable.");
        // A Secret mounted as a file usually ends with a newline that is not part of the password.
        return File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
    }
}
