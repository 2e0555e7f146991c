namespace Nerva.Data;

/// <summary>Finds the kind of data set behind a path or name and loads it into a <see cref="DataSet"/>.</summary>
internal static class DataSetLoader
{
    private const string Choices = "Pass an .npz file, a folder of MNIST-format IDX files or CIFAR-10 binary batches, or the name 'fashion-mnist'";

    private static readonly string[] IdxNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    internal static DataSet Load(string pathOrName, DataSetLoadOptions options)
    {
        if (pathOrName == DataSet.FashionMnistName)
        {
            string folder = options.FashionMnistFolder;
            if (!Directory.Exists(folder) || FindIdxFile(folder, IdxNames[0]) is null)
            {
                throw new DataSetNotFoundException(
                    $"The Fashion-MNIST data set is not installed: the folder '{folder}' does not exist or contains no {IdxNames[0]}.gz. Install it with 'sudo apt-get install dataset-fashion-mnist' or './build.sh setup'.",
                    folder);
            }

            return LoadIdxFolder(folder, options);
        }

        if (File.Exists(pathOrName))
        {
            if (!IsZipFile(pathOrName) && !pathOrName.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
            {
                throw new DataFormatException(
                    $"The file '{pathOrName}' is not an .npz archive. {Choices}; for IDX or CIFAR-10 files pass the folder that contains them.",
                    pathOrName);
            }

            return LoadNpz(pathOrName, options);
        }

        if (!Directory.Exists(pathOrName))
        {
            throw new DataSetNotFoundException($"The data set '{pathOrName}' does not exist. {Choices}.", pathOrName);
        }

        if (FindCifarFolder(pathOrName) is string cifarFolder)
        {
            return LoadCifarFolder(cifarFolder, options);
        }

        if (IdxNames.Any(name => FindIdxFile(pathOrName, name) is not null))
        {
            return LoadIdxFolder(pathOrName, options);
        }

        throw new DataSetNotFoundException(
            $"The folder '{pathOrName}' contains neither MNIST-format IDX files ({string.Join(", ", IdxNames)}, optionally .gz) nor CIFAR-10 batches ({Cifar10.TrainingBatchNames[0]} and the others, optionally in {Cifar10.BatchFolderName}). {Choices}.",
            pathOrName);
    }

    private static DataSet LoadNpz(string path, DataSetLoadOptions options)
    {
        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Load(path);
        NpyArray Get(string name) => arrays.TryGetValue(name, out NpyArray? array)
            ? array
            : throw new DataFormatException(
                $"The data set '{path}' has no array '{name}'. It has {(arrays.Count == 0 ? "no arrays" : string.Join(", ", arrays.Keys))}. Save the arrays under the names Xtrain, Ttrain, Xtest and Ttest, for example with numpy.savez(path, Xtrain=..., Ttrain=..., Xtest=..., Ttest=...).",
                path);

        NpyArray xtrainArray = Get("Xtrain");
        NpyArray ttrainArray = Get("Ttrain");
        NpyArray xtestArray = Get("Xtest");
        NpyArray ttestArray = Get("Ttest");

        DataMatrix xtrain = ToInputs(xtrainArray, "Xtrain", path, options.ScalarType);
        DataMatrix xtest = ToInputs(xtestArray, "Xtest", path, options.ScalarType);
        CheckInputs(xtrain, xtest, path);
        CheckRows(xtrain.Rows, "Xtrain", ttrainArray, "Ttrain", path);
        CheckRows(xtest.Rows, "Xtest", ttestArray, "Ttest", path);

        TargetConversion.Targets targets = TargetConversion.Convert(path, ttrainArray, ttestArray, options.ScalarType);
        CheckFinite(xtrain, "Xtrain", path);
        CheckFinite(xtest, "Xtest", path);
        if (targets.Ttrain is not null)
        {
            CheckFinite(targets.Ttrain, "Ttrain", path);
            CheckFinite(targets.Ttest!, "Ttest", path);
        }

        return Create(xtrain, xtest, targets, options);
    }

    private static DataSet LoadIdxFolder(string folder, DataSetLoadOptions options)
    {
        string[] paths = IdxNames
            .Select(name => FindIdxFile(folder, name) ?? throw new DataSetNotFoundException(
                $"The folder '{folder}' has no {name} (or {name}.gz), which an MNIST-format data set needs beside {string.Join(", ", IdxNames.Where(other => other != name))}. Add the missing file.",
                Path.Combine(folder, name)))
            .ToArray();

        DataMatrix xtrain = ToInputs(Idx.Load(paths[0]), "the images", paths[0], options.ScalarType);
        DataMatrix xtest = ToInputs(Idx.Load(paths[2]), "the images", paths[2], options.ScalarType);
        CheckInputs(xtrain, xtest, folder);
        NpyArray trainLabels = Idx.Load(paths[1]);
        NpyArray testLabels = Idx.Load(paths[3]);
        CheckRows(xtrain.Rows, Path.GetFileName(paths[0]), trainLabels, Path.GetFileName(paths[1]), folder);
        CheckRows(xtest.Rows, Path.GetFileName(paths[2]), testLabels, Path.GetFileName(paths[3]), folder);

        TargetConversion.Targets targets = TargetConversion.Convert(folder, trainLabels, testLabels, options.ScalarType);
        return Create(xtrain, xtest, targets, options);
    }

    private static DataSet LoadCifarFolder(string folder, DataSetLoadOptions options)
    {
        string[] trainingPaths = Cifar10.TrainingBatchNames.Select(name => RequireCifarFile(folder, name)).ToArray();
        string testPath = RequireCifarFile(folder, Cifar10.TestBatchName);

        // Size X from the file lengths, so that only one batch's bytes are in memory at a time; LoadBatch checks each length.
        int trainRows = (int)trainingPaths.Sum(path => new FileInfo(path).Length / Cifar10.RecordSize);
        DataMatrix xtrain = DataMatrix.Zeros(trainRows, Cifar10.ImageSize, options.ScalarType);
        var trainLabels = new int[trainRows];
        int row = 0;
        foreach (string path in trainingPaths)
        {
            (NpyArray images, NpyArray labels) = Cifar10.LoadBatch(path);
            CopyPixels(images.Data, xtrain, row);
            for (int i = 0; i < labels.Count; i++)
            {
                trainLabels[row + i] = labels.Data[i];
            }

            row += labels.Count;
        }

        (NpyArray testImages, NpyArray testLabelArray) = Cifar10.LoadBatch(testPath);
        DataMatrix xtest = DataMatrix.FromArray(testImages, testLabelArray.Count, Cifar10.ImageSize, options.ScalarType);
        int[] testLabels = Array.ConvertAll(testLabelArray.ToArray<byte>(), label => (int)label);

        var targets = new TargetConversion.Targets(trainLabels, testLabels, Cifar10.ClassCount, null, null);
        return Create(xtrain, xtest, targets, options);
    }

    private static DataSet Create(DataMatrix xtrain, DataMatrix xtest, TargetConversion.Targets targets, DataSetLoadOptions options)
    {
        FeatureScaler.Apply(xtrain, xtest, options.Scaling);
        return targets.TrainLabels is not null
            ? new DataSet(xtrain, targets.TrainLabels, xtest, targets.TestLabels!, targets.ClassCount)
            : new DataSet(xtrain, targets.Ttrain!, xtest, targets.Ttest!);
    }

    /// <summary>Returns the inputs as an N x D matrix, flattening dimensions after the first into D.</summary>
    private static DataMatrix ToInputs(NpyArray array, string name, string path, ScalarType scalarType)
    {
        if (array.Rank < 2)
        {
            throw new DataFormatException(
                $"The array {name} in '{path}' has shape {array.FormatShape()}, but inputs need at least 2 dimensions (N examples x D features). Reshape it, for example to (N, 1) with x.reshape(-1, 1).",
                path);
        }

        int rows = array.Shape[0];
        int columns = NpyArray.ElementCount([.. array.Shape.Skip(1)]);
        if (columns == 0)
        {
            throw new DataFormatException($"The array {name} in '{path}' has shape {array.FormatShape()}, so its examples have no features. Save inputs with at least one column.", path);
        }

        return DataMatrix.FromArray(array, rows, columns, scalarType);
    }

    // NaN or infinity in the data makes every loss NaN from the first batch on, so it is rejected when loading.
    // A float64 value beyond the float32 range becomes infinity when --precision is float32, and is reported here too.
    private static void CheckFinite(DataMatrix matrix, string name, string path)
    {
        int index = matrix.ScalarType == ScalarType.Float32
            ? IndexOfNonFinite(matrix.AsSpan<float>())
            : IndexOfNonFinite(matrix.AsSpan<double>());
        if (index < 0)
        {
            return;
        }

        double value = matrix[index / matrix.Columns, index % matrix.Columns];
        string valueName = "NaN";
        if (!double.IsNaN(value))
        {
            valueName = value > 0 ? "+infinity" : "-infinity";
        }

        string hint = matrix.ScalarType == ScalarType.Float32 && !double.IsNaN(value) ? " (or a value beyond the float32 range; pass --precision float64 for it)" : string.Empty;
        throw new DataFormatException(
            $"The array {name} in '{path}' contains {valueName}{hint} at row {index / matrix.Columns}, column {index % matrix.Columns}. Replace or remove the examples with missing or infinite values.",
            path);
    }

    private static int IndexOfNonFinite<T>(ReadOnlySpan<T> values)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckInputs(DataMatrix xtrain, DataMatrix xtest, string path)
    {
        if (xtrain.Rows == 0)
        {
            throw new DataFormatException($"The data set '{path}' has no training examples: Xtrain has 0 rows. Save at least one example.", path);
        }

        if (xtrain.Columns != xtest.Columns)
        {
            throw new DataFormatException(
                $"The data set '{path}' has {xtrain.Columns} features per training example but {xtest.Columns} per test example. Xtrain and Xtest need the same columns.",
                path);
        }
    }

    private static void CheckRows(int inputRows, string inputName, NpyArray targets, string targetName, string path)
    {
        int targetRows = targets.Rank == 0 ? 1 : targets.Shape[0];
        if (inputRows != targetRows)
        {
            throw new DataFormatException(
                $"The data set '{path}' has {inputRows} examples in {inputName} but {targetRows} targets in {targetName}. Save one target per example.",
                path);
        }
    }

    private static void CopyPixels(ReadOnlySpan<byte> pixels, DataMatrix x, int firstRow)
    {
        int offset = firstRow * x.Columns;
        if (x.ScalarType == ScalarType.Float32)
        {
            Span<float> destination = x.AsSpan<float>().Slice(offset, pixels.Length);
            for (int i = 0; i < pixels.Length; i++)
            {
                destination[i] = pixels[i];
            }
        }
        else
        {
            Span<double> destination = x.AsSpan<double>().Slice(offset, pixels.Length);
            for (int i = 0; i < pixels.Length; i++)
            {
                destination[i] = pixels[i];
            }
        }
    }

    /// <summary>Returns the path of an IDX file under its standard name, its .gz form, or the dotted form some mirrors use (train-images.idx3-ubyte).</summary>
    private static string? FindIdxFile(string folder, string name)
    {
        int dash = name.LastIndexOf("-idx", StringComparison.Ordinal);
        string dotted = string.Concat(name.AsSpan(0, dash), ".", name.AsSpan(dash + 1));
        string[] candidates = [name, name + ".gz", dotted, dotted + ".gz"];
        return candidates.Select(candidate => Path.Combine(folder, candidate)).FirstOrDefault(File.Exists);
    }

    private static string? FindCifarFolder(string folder)
    {
        string nested = Path.Combine(folder, Cifar10.BatchFolderName);
        if (File.Exists(Path.Combine(nested, Cifar10.TrainingBatchNames[0])))
        {
            return nested;
        }

        return File.Exists(Path.Combine(folder, Cifar10.TrainingBatchNames[0])) ? folder : null;
    }

    private static string RequireCifarFile(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        return File.Exists(path)
            ? path
            : throw new DataSetNotFoundException(
                $"The CIFAR-10 folder '{folder}' has no {name}. It needs {string.Join(", ", Cifar10.TrainingBatchNames)} and {Cifar10.TestBatchName}; download the binary version again.",
                path);
    }

    private static bool IsZipFile(string path)
    {
        Span<byte> signature = stackalloc byte[2];
        using FileStream stream = File.OpenRead(path);
        return stream.ReadAtLeast(signature, 2, throwOnEndOfStream: false) == 2 && signature[0] == (byte)'P' && signature[1] == (byte)'K';
    }
}
