using SweLancer.Coordinator.Hosting;
using Xunit;

namespace SweLancer.Tests.Coordinator.Hosting;

/// <summary>The journal's description is printed (start-up line, waiting notices, errors): it must never carry the password, however it is spelled.</summary>
public sealed class DatabaseTargetSpec
{
    [Theory]
    [InlineData("Host=db;Username=u;Password=pw-7Qx9;Database=d", "pw-7Qx9")]
    [InlineData("Host=db;Username=u;PASSWORD = pw-7Qx9 ;Database=d", "pw-7Qx9")]
    [InlineData("Host=db;Username=u;Pwd=pw-7Qx9;Database=d", "pw-7Qx9")]
    [InlineData("Host=db;Username=u;Psw=pw-7Qx9;Database=d", "pw-7Qx9")]
    [InlineData("Host=db;Username=u;Password=\"pw;7Qx9\";Database=d", "7Qx9")]
    [InlineData("Server=db;User Id=u;Password='pw;7Qx9';Database=d", "7Qx9")]
    public void The_description_holds_no_password(string connectionString, string secretPart)
    {
        var target = DatabaseTarget.Parse(connectionString);
        Assert.DoesNotContain(secretPart, target.Description);
        Assert.Contains("db", target.Description);
        Assert.Equal(connectionString, target.ConnectionString);
    }

    [Fact]
    public void An_encrypted_sqlite_file_s_password_is_not_described() =>
        Assert.DoesNotContain("pw-7Qx9", DatabaseTarget.Parse("Data Source=/tmp/sweep.db;Password=pw-7Qx9").Description);

    [Fact]
    public void A_sqlite_file_is_described_by_its_path() =>
        Assert.Equal("SQLite (Data Source=/tmp/sweep.db)", DatabaseTarget.Parse("Data Source=/tmp/sweep.db").Description);
}
