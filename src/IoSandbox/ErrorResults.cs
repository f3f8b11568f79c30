namespace Actors.IoSandbox;

/// <summary>io's JSON error answers on /v1 resources: <c>{"message": "..."}</c> with the status.</summary>
internal static class ErrorResults
{
    public static IResult BadRequest(string message) => Json(StatusCodes.Status400BadRequest, message);

    public static IResult NotFound(string message) => Json(StatusCodes.Status404NotFound, message);

    private static IResult Json(int status, string message) => Results.Json(new ErrorBody(message), statusCode: status);
}
