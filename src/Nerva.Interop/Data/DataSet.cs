using System.Diagnostics.CodeAnalysis;

namespace Nerva.Data;

/// <summary>
/// A supervised data set: training inputs Xtrain (N x D) with targets, and test inputs Xtest (M x D) with targets.
/// Targets are class labels (<see cref="TrainLabels"/>, <see cref="TestLabels"/>) or real-valued target matrices
/// (<see cref="Ttrain"/>, <see cref="Ttest"/>); exactly one of the two pairs is set.
/// </summary>
/// <remarks>
/// X is held once, as one contiguous row-major array of the <see cref="ScalarType"/> the caller picked, so
/// <c>Matrix.Create(data.Xtrain.AsSpan&lt;float&gt;(), data.Xtrain.Rows, data.Xtrain.Columns)</c> copies it
/// into native memory in one step.
/// </remarks>
public sealed class DataSet
{
    /// <summary>The name that <see cref="Load(string)"/> resolves to the installed Fashion-MNIST data set.</summary>
    public const string FashionMnistName = "fashion-mnist";

    /// <summary>The folder where the Debian package dataset-fashion-mnist installs the Fashion-MNIST IDX files.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Creates a data set with class labels.</summary>
    /// <param name="xtrain">The training inputs, one example per row.</param>
    /// <param name="trainLabels">The class of each training example, from 0 to <paramref name="classCount"/> - 1.</param>
    /// <param name="xtest">The test inputs, with the columns and element type of <paramref name="xtrain"/>.</param>
    /// <param name="testLabels">The class of each test example.</param>
    /// <param name="classCount">The number of classes K.</param>
    /// <exception cref="ArgumentException">The sizes or element types do not match, or a label is outside 0..K-1.</exception>
    public DataSet(DataMatrix xtrain, int[] trainLabels, DataMatrix xtest, int[] testLabels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(trainLabels);
        ArgumentNullException.ThrowIfNull(testLabels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        CheckInputs(xtrain, xtest);
        CheckRows(xtrain.Rows, trainLabels.Length, "trainLabels");
        CheckRows(xtest.Rows, testLabels.Length, "testLabels");
        CheckLabels(trainLabels, classCount, nameof(trainLabels));
        CheckLabels(testLabels, classCount, nameof(testLabels));
        Xtrain = xtrain;
        Xtest = xtest;
        TrainLabels = trainLabels;
        TestLabels = testLabels;
        ClassCount = classCount;
    }

    /// <summary>Creates a data set with real-valued target matrices.</summary>
    /// <param name="xtrain">The training inputs, one example per row.</param>
    /// <param name="ttrain">The training targets, one row per example.</param>
    /// <param name="xtest">The test inputs, with the columns and element type of <paramref name="xtrain"/>.</param>
    /// <param name="ttest">The test targets, with the columns and element type of <paramref name="ttrain"/>.</param>
    /// <exception cref="ArgumentException">The sizes or element types do not match.</exception>
    public DataSet(DataMatrix xtrain, DataMatrix ttrain, DataMatrix xtest, DataMatrix ttest)
    {
        ArgumentNullException.ThrowIfNull(ttrain);
        ArgumentNullException.ThrowIfNull(ttest);
        CheckInputs(xtrain, xtest);
        CheckRows(xtrain.Rows, ttrain.Rows, nameof(ttrain));
        CheckRows(xtest.Rows, ttest.Rows, nameof(ttest));
        if (ttrain.Columns != ttest.Columns || ttrain.ScalarType != ttest.ScalarType || ttrain.ScalarType != xtrain.ScalarType)
        {
            throw new ArgumentException(
                $"Ttest ({ttest.Columns} columns of {ttest.ScalarType}) must match Ttrain ({ttrain.Columns} columns of {ttrain.ScalarType}) and the element type of X ({xtrain.ScalarType}).",
                nameof(ttest));
        }

        Xtrain = xtrain;
        Xtest = xtest;
        Ttrain = ttrain;
        Ttest = ttest;
        ClassCount = ttrain.Columns;
    }

    /// <summary>The training inputs, N x D.</summary>
    public DataMatrix Xtrain { get; }

    /// <summary>The test inputs, M x D.</summary>
    public DataMatrix Xtest { get; }

    /// <summary>The class index of each training example, or null when the targets are real-valued.</summary>
    public int[]? TrainLabels { get; }

    /// <summary>The class index of each test example, or null when the targets are real-valued.</summary>
    public int[]? TestLabels { get; }

    /// <summary>The real-valued training targets, N x K, or null when the targets are class labels.</summary>
    public DataMatrix? Ttrain { get; }

    /// <summary>The real-valued test targets, M x K, or null when the targets are class labels.</summary>
    public DataMatrix? Ttest { get; }

    /// <summary>Whether the targets are class labels rather than real-valued matrices.</summary>
    [MemberNotNullWhen(true, nameof(TrainLabels), nameof(TestLabels))]
    [MemberNotNullWhen(false, nameof(Ttrain), nameof(Ttest))]
    public bool HasClassLabels => TrainLabels is not null;

    /// <summary>
    /// The number of classes, which is the number of network outputs K. For labels that came from one-hot rows
    /// it is their width, for other labels the largest label plus one, and for real-valued targets the width of T.
    /// </summary>
    public int ClassCount { get; }

    /// <summary>The number of input features D.</summary>
    public int FeatureCount => Xtrain.Columns;

    /// <summary>The element type of X.</summary>
    public ScalarType ScalarType => Xtrain.ScalarType;

    /// <summary>Loads a data set with float32 values and no scaling; see <see cref="Load(string, DataSetLoadOptions)"/>.</summary>
    public static DataSet Load(string pathOrName) => Load(pathOrName, new DataSetLoadOptions());

    /// <summary>
    /// Loads a data set from an <c>.npz</c> file (arrays Xtrain, Ttrain, Xtest, Ttest), a folder of MNIST-format IDX
    /// files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each
    /// optionally with .gz), a CIFAR-10 folder (data_batch_1.bin to data_batch_5.bin and test_batch.bin, directly or
    /// in a cifar-10-batches-bin subfolder), or the name <c>fashion-mnist</c>.
    /// </summary>
    /// <remarks>
    /// The name <c>fashion-mnist</c> always means <see cref="DataSetLoadOptions.FashionMnistFolder"/>; pass
    /// <c>./fashion-mnist</c> for a local folder of that name. Inputs with more than two dimensions, such as images
    /// of shape (N, 28, 28), are flattened to N rows of their remaining elements in row-major order. An .npz
    /// target Ttrain or Ttest may be 1-d class indices or a 2-d matrix. A 2-d target becomes class labels when every
    /// row of both targets is one-hot, and otherwise stays a real-valued matrix.
    /// </remarks>
    /// <exception cref="DataSetNotFoundException">The path does not exist, or the Fashion-MNIST package is not installed.</exception>
    /// <exception cref="DataFormatException">A file is corrupt or truncated, an array is missing, the sizes do not match, or a label is negative.</exception>
    public static DataSet Load(string pathOrName, DataSetLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrName);
        ArgumentNullException.ThrowIfNull(options);
        return DataSetLoader.Load(pathOrName, options);
    }

    /// <summary>
    /// Writes the data set to an uncompressed <c>.npz</c> file with the arrays Xtrain, Ttrain, Xtest and Ttest, where
    /// labels are 1-d int64 class indices, replacing the file atomically.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var arrays = new Dictionary<string, NpyArray>
        {
            ["Xtrain"] = Xtrain.ToNpyArray(),
            ["Ttrain"] = TrainLabels is null ? Ttrain!.ToNpyArray() : LabelArray(TrainLabels),
            ["Xtest"] = Xtest.ToNpyArray(),
            ["Ttest"] = TestLabels is null ? Ttest!.ToNpyArray() : LabelArray(TestLabels),
        };
        Npz.Save(path, arrays);
    }

    private static NpyArray LabelArray(int[] labels)
    {
        long[] wide = Array.ConvertAll(labels, label => (long)label);
        return NpyArray.Create<long>(wide, wide.Length);
    }

    private static void CheckInputs(DataMatrix xtrain, DataMatrix xtest)
    {
        ArgumentNullException.ThrowIfNull(xtrain);
        ArgumentNullException.ThrowIfNull(xtest);
        if (xtrain.Columns != xtest.Columns || xtrain.ScalarType != xtest.ScalarType)
        {
            throw new ArgumentException(
                $"Xtest has {xtest.Columns} columns of {xtest.ScalarType}, but Xtrain has {xtrain.Columns} columns of {xtrain.ScalarType}. Both need the same features and element type.",
                nameof(xtest));
        }
    }

    private static void CheckRows(int inputRows, int targetRows, string parameterName)
    {
        if (inputRows != targetRows)
        {
            throw new ArgumentException($"{parameterName} has {targetRows} rows, but its inputs have {inputRows}. Each example needs one target.", parameterName);
        }
    }

    private static void CheckLabels(int[] labels, int classCount, string parameterName)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount)
            {
                throw new ArgumentException($"{parameterName}[{i}] is {labels[i]}, outside the classes 0..{classCount - 1}. Fix the label or raise the class count.", parameterName);
            }
        }
    }
}
