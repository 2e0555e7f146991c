namespace Nerva;

/// <summary>Argument checks that the function facades make before a native call.</summary>
internal static class FunctionArguments
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="resultName"/> unless
    /// <paramref name="result"/> has the scalar type of <paramref name="input"/>.
    /// </summary>
    /// <remarks>
    /// The native library checks this too, but it names the output "out", which is no parameter of the
    /// managed methods.
    /// </remarks>
    internal static void RequireSameScalarType(Matrix result, string resultName, Matrix input, string inputName)
    {
        if (result.ScalarType != input.ScalarType)
        {
            throw new ArgumentException(
                $"{resultName} is {result.ScalarType} but {inputName} is {input.ScalarType}; pass a {input.ScalarType} matrix.",
                resultName);
        }
    }
}
