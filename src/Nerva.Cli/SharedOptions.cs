using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using Nerva.Data;
using Nerva.Model;
using Nerva.Specification;

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

    /// <summary>
    /// Returns a parser for an integer option whose error names the value and the valid range, in place of the
    /// System.CommandLine message that names the .NET type. Values below <paramref name="minimum"/> parse, so that
    /// the command reports them with its own message.
    /// </summary>
    /// <typeparam name="T">The integer type of the option.</typeparam>
    /// <param name="minimum">The smallest valid value, shown in the error.</param>
    public static Func<ArgumentResult, T> CreateIntegerParser<T>(T minimum)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        return result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (T.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out T? value))
            {
                return value!;
            }

            string problem = IsInteger(token) ? "is out of range" : "is not a whole number";
            result.AddError($"'{token}' {problem}; pass an integer from {minimum} to {T.MaxValue}");
            return T.Zero;
        };
    }

    /// <summary>Creates the --threads option, which train and evaluate share.</summary>
    public static Option<int?> CreateThreads() => new("--threads")
    {
        Description = "The number of threads (default: the number of physical cores); when fewer are used, a note says so",
        CustomParser = result => CreateIntegerParser(1)(result),
    };

    /// <summary>
    /// Sets the thread count from --threads when it was given, and writes a note to <paramref name="error"/> when
    /// MKL uses fewer threads than requested (it caps the count at the number of cores).
    /// </summary>
    public static void ApplyThreads(ParseResult parse, Option<int?> threads, TextWriter error)
    {
        if (parse.GetValue(threads) is not int requested)
        {
            return;
        }

        if (requested < 1)
        {
            throw new UsageException($"{threads.Name}: {requested} is invalid; pass a whole number of at least 1.");
        }

        NervaLibrary.Threads = requested;
        int used = NervaLibrary.Threads;
        if (used != requested)
        {
            error.WriteLine($"nerva: note: {threads.Name} {requested} requested, {used} {(used == 1 ? "thread" : "threads")} used");
        }
    }

    /// <summary>
    /// Builds the model, and turns a failed allocation into a message that names the largest layer, its weight
    /// matrix and its size in bytes, instead of the native function that failed.
    /// </summary>
    /// <exception cref="OutOfMemoryException">The layers do not fit in memory.</exception>
    public static MultilayerPerceptron BuildModel(NetworkSpecification network, LossKind loss, ScalarType scalarType, ulong seed)
    {
        try
        {
            return NetworkBuilder.Build(network, loss, scalarType, seed);
        }
        catch (OutOfMemoryException exception)
        {
            // NOTE: the native error does not say which allocation failed, so the message names the largest W.
            // The layer also allocates DW of the same size, so the size shown is a lower bound.
            int largest = Enumerable.Range(0, network.Layers.Count).MaxBy(i => (long)network.LayerShapes[i].InputSize * network.LayerShapes[i].OutputSize);
            LayerShape shape = network.LayerShapes[largest];
            int itemSize = scalarType == ScalarType.Float32 ? sizeof(float) : sizeof(double);
            double bytes = (double)shape.InputSize * shape.OutputSize * itemSize;
            string size = bytes >= 1 << 30
                ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 30):0.#} GiB")
                : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):0.#} MiB");
            string scalar = scalarType == ScalarType.Float32 ? "float32" : "float64";
            throw new OutOfMemoryException(
                $"layer {largest + 1} ({shape.InputSize} -> {shape.OutputSize}) needs W of {shape.OutputSize} x {shape.InputSize} {scalar} values ({size}), which could not be allocated; choose smaller {OptionNames.LayerSizes}",
                exception);
        }
    }

    /// <summary>Rejects an input path that is empty or only white space, which would otherwise reach the loaders as an invalid argument.</summary>
    /// <param name="optionName">The option or argument that gave the path.</param>
    /// <param name="path">The path, or null when the option is absent.</param>
    /// <param name="expected">What to pass instead, for example "the .npz data set or its folder".</param>
    /// <exception cref="UsageException">The path is empty.</exception>
    public static void RequireNonEmptyPath(string optionName, string? path, string expected)
    {
        if (path is not null && path.Trim().Length == 0)
        {
            throw new UsageException($"{optionName}: the path is empty; pass {expected}.");
        }
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

    // True for an optional sign followed by digits, which is an integer too large for the type.
    private static bool IsInteger(string token)
    {
        ReadOnlySpan<char> digits = token.AsSpan().TrimStart("+-");
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
