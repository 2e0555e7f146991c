namespace Nerva.Data;

/// <summary>How <see cref="NpzWriter"/> stores the arrays in the zip archive.</summary>
public enum NpzCompression
{
    /// <summary>Stored without compression, as numpy.savez writes.</summary>
    None = 0,

    /// <summary>Deflate-compressed, as numpy.savez_compressed writes.</summary>
    Deflate = 1,
}
