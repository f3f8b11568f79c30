using Microsoft.Extensions.Options;

namespace Actors.Api.Hosting;

/// <summary>Refuses to start without a strong admin key: anyone holding it can read and replace every tenant's credentials.</summary>
internal sealed class ActorsOptionsValidator : IValidateOptions<ActorsOptions>
{
    internal const int MinimumAdminKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ActorsOptions options) =>
        options.AdminKey is { Length: >= MinimumAdminKeyLength }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Actors:AdminKey must be set to a random key of at least {MinimumAdminKeyLength} characters.");
}
