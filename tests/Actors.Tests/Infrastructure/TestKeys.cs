using System.Security.Cryptography;

namespace Actors.Tests.Infrastructure;

internal static class TestKeys
{
    public const string Admin = "test-admin-key-0123456789";

    public static string NewAesKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
