using System.Text;
using System.Text.Json;
using Nerva.Data;
using Nerva.Layers;
using Nerva.Specification;

namespace Nerva.Model;

/// <summary>
/// Saves and loads models. A weights file is an .npz with W1, b1, W2, b2, ... for the layers that have weights
/// (W as K x D in C order, b as a vector of K), as the Nerva tools write it. A model file is an .npz that also
/// records the architecture (a UTF-8 JSON document in the uint8 array "architecture") and every parameter and
/// state of every layer as "layer{i}/{name}", so it can be evaluated without restating its layers. Every save
/// writes a temporary file and renames it, so an interrupted save never leaves a truncated file.
/// </summary>
public static class ModelFiles
{
    private const string ArchitectureName = "architecture";
    private const string FormatName = "nerva-model";
    private const int FormatVersion = 1;

    /// <summary>
    /// Saves W1, b1, W2, b2, ... of the layers that have weights. Other parameters (batch normalization's γ, β and
    /// running statistics, SReLU's a_l, t_l, a_r, t_r) are not saved; <see cref="SaveModel"/> keeps them.
    /// </summary>
    public static void SaveWeights(MultilayerPerceptron model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var arrays = new Dictionary<string, NpyArray>();
        foreach ((Layer layer, int number) in WeightedLayers(model))
        {
            arrays[$"W{number}"] = ReadParameter(layer, "W", vector: false);
            arrays[$"b{number}"] = ReadParameter(layer, "b", vector: true);
        }

        Npz.Save(path, arrays);
    }

    /// <summary>
    /// Loads W1, b1, W2, b2, ... into the layers that have weights. float32 and float64 arrays are both accepted
    /// and converted to the model's scalar type; b may be a vector of K or a 1 x K matrix.
    /// </summary>
    /// <exception cref="DataFormatException">An array is missing, has the wrong shape, or the file has more layers than the model.</exception>
    public static void LoadWeights(MultilayerPerceptron model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Load(path);

        // Every array is checked before any is written, so a file that does not fit leaves the model unchanged.
        var updates = new List<(Layer Layer, string Name, NpyArray Array)>();
        int count = 0;
        foreach ((Layer layer, int number) in WeightedLayers(model))
        {
            updates.Add((layer, "W", CheckShape(layer, "W", Require(arrays, $"W{number}", path), path, $"W{number}")));
            updates.Add((layer, "b", CheckShape(layer, "b", Require(arrays, $"b{number}", path), path, $"b{number}")));
            count = number;
        }

        if (arrays.ContainsKey($"W{count + 1}"))
        {
            throw new DataFormatException(
                $"The weights file '{path}' has W{count + 1}, but the model has only {count} layers with weights; load it into a model with the same layers.", path);
        }

        foreach ((Layer layer, string name, NpyArray array) in updates)
        {
            WriteParameter(layer, name, array);
        }
    }

    /// <summary>Saves the architecture, the loss and every parameter and state of every layer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="network">The specification the model was built from.</param>
    /// <param name="path">The .npz file to write.</param>
    public static void SaveModel(MultilayerPerceptron model, NetworkSpecification network, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(network);
        RequireSameLayers(model, network);
        byte[] architecture = WriteArchitecture(model, network);
        var arrays = new Dictionary<string, NpyArray>
        {
            [ArchitectureName] = NpyArray.Create<byte>(architecture, architecture.Length),
        };
        for (int i = 0; i < model.Layers.Count; i++)
        {
            Layer layer = model.Layers[i];
            foreach (string name in layer.ParameterNames.Where(name => !IsGradient(layer, name)))
            {
                arrays[$"layer{i + 1}/{name}"] = ReadParameter(layer, name, vector: false);
            }
        }

        Npz.Save(path, arrays);
    }

    /// <summary>Loads a model file written by <see cref="SaveModel"/>.</summary>
    /// <exception cref="DataFormatException">
    /// The file is not a model file, or its arrays do not fit its architecture; the shapes are checked before the
    /// layers are allocated.
    /// </exception>
    public static (MultilayerPerceptron Model, NetworkSpecification Network) LoadModel(string path)
    {
        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Load(path);
        if (!arrays.TryGetValue(ArchitectureName, out NpyArray? architecture))
        {
            throw new DataFormatException(
                $"'{path}' has no '{ArchitectureName}' array, so it is not a Nerva model file; a weights file (W1, b1, ...) is loaded with --load-weights together with --layers and --layer-sizes.", path);
        }

        (NetworkSpecification network, LossKind loss, ScalarType scalarType) = ReadArchitecture(architecture, path);
        ModelFileShapes.Check(network, arrays, path);
        MultilayerPerceptron model = NetworkBuilder.Build(network, loss, scalarType, seed: 0);
        try
        {
            for (int i = 0; i < model.Layers.Count; i++)
            {
                Layer layer = model.Layers[i];
                foreach (string name in layer.ParameterNames.Where(name => !IsGradient(layer, name)))
                {
                    string key = $"layer{i + 1}/{name}";
                    WriteParameter(layer, name, CheckShape(layer, name, Require(arrays, key, path), path, key));
                }
            }

            return (model, network);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    // A model file must be readable again, so the specification has to describe the model's own layers.
    private static void RequireSameLayers(MultilayerPerceptron model, NetworkSpecification network)
    {
        if (network.Layers.Count != model.Layers.Count)
        {
            throw new ArgumentException(
                $"The specification has {network.Layers.Count} layers but the model has {model.Layers.Count}; pass the specification the model was built from.", nameof(network));
        }

        for (int i = 0; i < model.Layers.Count; i++)
        {
            LayerShape shape = network.LayerShapes[i];
            Layer layer = model.Layers[i];
            if (shape.InputSize != layer.InputSize || shape.OutputSize != layer.OutputSize)
            {
                throw new ArgumentException(
                    $"Layer {i + 1} is {shape.InputSize} -> {shape.OutputSize} in the specification but {layer.InputSize} -> {layer.OutputSize} in the model; pass the specification the model was built from.",
                    nameof(network));
            }
        }
    }

    private static IEnumerable<(Layer Layer, int Number)> WeightedLayers(MultilayerPerceptron model)
    {
        int number = 0;
        foreach (Layer layer in model.Layers)
        {
            if (layer.ParameterNames.Contains("W"))
            {
                yield return (layer, ++number);
            }
        }
    }

    // The gradient of parameter P is named DP; "R" (a dropout mask) and running statistics have none.
    private static bool IsGradient(Layer layer, string name) =>
        name.Length > 1 && name[0] == 'D' && layer.ParameterNames.Contains(name[1..]);

    private static NpyArray ReadParameter(Layer layer, string name, bool vector)
    {
        (int rows, int columns) = layer.GetParameterShape(name);
        int[] shape = vector ? [rows * columns] : [rows, columns];
        return layer.ScalarType == ScalarType.Float32
            ? NpyArray.Create<float>(layer.GetParameter<float>(name), shape)
            : NpyArray.Create<double>(layer.GetParameter<double>(name), shape);
    }

    // Returns the array when it fits the parameter: (rows, columns), or a vector when rows is 1.
    private static NpyArray CheckShape(Layer layer, string name, NpyArray array, string path, string key)
    {
        (int rows, int columns) = layer.GetParameterShape(name);
        bool fits = array.Count == rows * columns
            && (array.Rank == 2 ? array.Shape[0] == rows && array.Shape[1] == columns : array.Rank == 1 && rows == 1);
        if (!fits)
        {
            throw new DataFormatException(
                $"'{path}': {key} has shape {array.FormatShape()} but the layer needs ({rows}, {columns}); the file was saved from a model with other layer sizes.", path);
        }

        return array;
    }

    private static void WriteParameter(Layer layer, string name, NpyArray array)
    {
        if (layer.ScalarType == ScalarType.Float32)
        {
            layer.SetParameter<float>(name, array.ToSingleArray());
        }
        else
        {
            layer.SetParameter<double>(name, array.ToDoubleArray());
        }
    }

    private static NpyArray Require(IReadOnlyDictionary<string, NpyArray> arrays, string name, string path) =>
        arrays.TryGetValue(name, out NpyArray? array)
            ? array
            : throw new DataFormatException($"'{path}' has no array '{name}'; it has {string.Join(", ", arrays.Keys)}.", path);

    private static byte[] WriteArchitecture(MultilayerPerceptron model, NetworkSpecification network)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("scalar_type", model.ScalarType.ToString());
            writer.WriteString("loss", model.Loss.ToString());
            writer.WriteString(OptionNames.Layers, string.Join(";", network.Layers));
            writer.WriteString(OptionNames.LayerSizes, string.Join(";", network.Sizes));
            writer.WriteString(OptionNames.LayerWeights, string.Join(";", network.WeightInitializers));
            writer.WriteString(OptionNames.Optimizers, string.Join(";", network.Optimizers));
            writer.WriteString(OptionNames.Dropouts, string.Join(";", network.Dropouts.Select(q => q.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static (NetworkSpecification Network, LossKind Loss, ScalarType ScalarType) ReadArchitecture(NpyArray architecture, string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(Encoding.UTF8.GetString(architecture.ToArray<byte>()));
            JsonElement root = document.RootElement;
            if (root.GetProperty("format").GetString() != FormatName || root.GetProperty("version").GetInt32() != FormatVersion)
            {
                throw new DataFormatException($"'{path}' is not a version {FormatVersion} Nerva model file; save it again with this version of Nerva.", path);
            }

            string Text(string name) => root.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
            var network = NetworkSpecification.Parse(Text(OptionNames.Layers), Text(OptionNames.LayerSizes), Text(OptionNames.LayerWeights), Text(OptionNames.Optimizers), Text(OptionNames.Dropouts));
            return (network, Enum.Parse<LossKind>(Text("loss")), Enum.Parse<ScalarType>(Text("scalar_type")));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new DataFormatException($"'{path}' has an invalid architecture record ({exception.Message}); the file is damaged or was not written by Nerva.", path, exception);
        }
    }
}
