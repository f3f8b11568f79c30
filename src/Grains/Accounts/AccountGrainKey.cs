namespace Actors.Grains.Accounts;

/// <summary>An account grain's key is the tenant id.</summary>
public static class AccountGrainKey
{
    /// <summary>The account grain's type name, fixed so that callers can build its grain id without a type lookup.</summary>
    public const string TypeName = "account";

    public static readonly GrainType GrainType = GrainType.Create(TypeName);
}
