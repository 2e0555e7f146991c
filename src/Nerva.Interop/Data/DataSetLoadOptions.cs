namespace Nerva.Data;

/// <summary>Options for <see cref="DataSet.Load(string, DataSetLoadOptions)"/>.</summary>
public sealed record DataSetLoadOptions
{
    /// <summary>The element type of X and of real-valued targets; float32 by default.</summary>
    public ScalarType ScalarType { get; init; } = ScalarType.Float32;

    /// <summary>How the input features are scaled; none by default.</summary>
    public FeatureScaling Scaling { get; init; } = FeatureScaling.None;

    /// <summary>The folder that the name <c>fashion-mnist</c> refers to; the Debian package's folder by default.</summary>
    public string FashionMnistFolder { get; init; } = DataSet.FashionMnistFolder;
}
