using System.CommandLine;
using Nerva.Data;

namespace Nerva.Cli;

/// <summary>Options that nerva train and nerva evaluate read the same way.</summary>
internal static class SharedOptions
{
    private static readonly string[] ScalingNames = ["auto", "none", "divide-by-255", "standardize"];

    /// <summary>Creates the --precision option: float32 or float64.</summary>
    public static Option<string> CreatePrecision(string description)
    {
        var option = new Option<string>("--precision") { Description = description, DefaultValueFactory = _ => "float32" };
        option.AcceptOnlyFromAmong("float32", "float64");
        return option;
    }

    /// <summary>Creates the --scaling option.</summary>
    public static Option<string> CreateScaling(string description)
    {
        var option = new Option<string>("--scaling") { Description = description, DefaultValueFactory = _ => "auto" };
        option.AcceptOnlyFromAmong(ScalingNames);
        return option;
    }

    /// <summary>Returns the scalar type that a --precision value names.</summary>
    public static ScalarType ToScalarType(string precision) => precision == "float64" ? ScalarType.Float64 : ScalarType.Float32;

    /// <summary>
    /// Returns the feature scaling that a --scaling value names; 'auto' divides IDX and CIFAR-10 pixels by 255
    /// and leaves .npz data as it is.
    /// </summary>
    public static FeatureScaling ToFeatureScaling(string scaling, string datasetName) => scaling switch
    {
        "none" => FeatureScaling.None,
        "divide-by-255" => FeatureScaling.DivideBy255,
        "standardize" => FeatureScaling.Standardize,
        _ => datasetName.EndsWith(".npz", StringComparison.OrdinalIgnoreCase) ? FeatureScaling.None : FeatureScaling.DivideBy255,
    };
}
