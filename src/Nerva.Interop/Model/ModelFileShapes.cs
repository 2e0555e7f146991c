using Nerva.Data;
using Nerva.Specification;

namespace Nerva.Model;

/// <summary>
/// The arrays that a model file must contain for its architecture record, with their shapes. Loading checks them
/// before it builds the model, so a damaged record that names huge layer sizes fails with a message instead of
/// allocating the layers first.
/// </summary>
internal static class ModelFileShapes
{
    /// <summary>
    /// Checks that <paramref name="arrays"/> contains every parameter and state array of every layer of
    /// <paramref name="network"/> with the shape that the layer needs.
    /// </summary>
    /// <exception cref="DataFormatException">An array is missing or its shape does not fit the architecture.</exception>
    public static void Check(NetworkSpecification network, IReadOnlyDictionary<string, NpyArray> arrays, string path)
    {
        int weighted = 0;
        for (int i = 0; i < network.Layers.Count; i++)
        {
            LayerSpecification layer = network.Layers[i];
            double dropRate = layer.HasWeights ? network.Dropouts[weighted++] : 0;
            foreach ((string name, long rows, long columns) in ExpectedArrays(layer, network.LayerShapes[i], dropRate))
            {
                string key = $"layer{i + 1}/{name}";
                if (!arrays.TryGetValue(key, out NpyArray? array))
                {
                    throw new DataFormatException($"'{path}' has no array '{key}'; it has {string.Join(", ", arrays.Keys)}.", path);
                }

                if (!Fits(array, rows, columns))
                {
                    throw new DataFormatException(
                        $"'{path}': {key} has shape {array.FormatShape()} but the architecture record (--layer-sizes \"{string.Join(";", network.Sizes)}\") needs ({rows}, {columns}); the file is damaged.",
                        path);
                }
            }
        }
    }

    // Returns the stored arrays of one layer as (name, rows, columns). W and the dropout mask R are K x D; b and
    // the batch-normalization vectors are 1 x K; the SReLU parameters are scalars.
    private static IEnumerable<(string Name, long Rows, long Columns)> ExpectedArrays(LayerSpecification layer, LayerShape shape, double dropRate)
    {
        (long D, long K) = (shape.InputSize, shape.OutputSize);
        if (!layer.HasWeights)
        {
            foreach (string name in (string[])["gamma", "beta", "running_mean", "running_variance"])
            {
                yield return (name, 1, K);
            }

            yield break;
        }

        yield return ("W", K, D);
        yield return ("b", 1, K);
        if (dropRate > 0)
        {
            yield return ("R", K, D);
        }

        if (layer.Activation?.Kind == ActivationKind.SReLU)
        {
            foreach (string name in (string[])["al", "tl", "ar", "tr"])
            {
                yield return (name, 1, 1);
            }
        }
    }

    // A 1 x K parameter may also be stored as a vector of K.
    private static bool Fits(NpyArray array, long rows, long columns) => array.Rank switch
    {
        2 => array.Shape[0] == rows && array.Shape[1] == columns,
        1 => rows == 1 && array.Shape[0] == columns,
        _ => false,
    };
}
