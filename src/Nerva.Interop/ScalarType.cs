namespace Nerva;

/// <summary>The element type of matrices and layers.</summary>
public enum ScalarType
{
    /// <summary>32-bit IEEE floating point (<see cref="float"/>).</summary>
    Float32 = 1,

    /// <summary>64-bit IEEE floating point (<see cref="double"/>).</summary>
    Float64 = 2,
}

/// <summary>Maps the element types <see cref="float"/> and <see cref="double"/> to <see cref="ScalarType"/>.</summary>
internal static class ScalarTypes
{
    /// <summary>Returns the scalar type of <typeparamref name="T"/>, or throws for a type other than float and double.</summary>
    internal static ScalarType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return ScalarType.Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return ScalarType.Float64;
        }

        throw new NotSupportedException($"Element type {typeof(T).Name} is not supported; use float or double.");
    }

    /// <summary>Throws unless <typeparamref name="T"/> is the element type of <paramref name="expected"/>.</summary>
    internal static void Require<T>(ScalarType expected, string parameterName)
        where T : unmanaged
    {
        ScalarType actual = Of<T>();
        if (actual != expected)
        {
            throw new ArgumentException(
                $"The element type {typeof(T).Name} is {actual} but the object is {expected}; use {(expected == ScalarType.Float32 ? "float" : "double")} as the element type.",
                parameterName);
        }
    }
}
