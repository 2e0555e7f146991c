namespace Nerva.Data;

/// <summary>
/// Turns the target arrays of a data set into class labels or real-valued target matrices. A 1-d array contains
/// class indices. A 2-d array whose rows are all one-hot (one 1, the rest 0) contains classes too, provided the
/// other target array is 1-d or one-hot as well. Any other 2-d array is a real-valued target matrix.
/// </summary>
internal static class TargetConversion
{
    /// <summary>Class labels with their count, or real-valued target matrices; one pair is null.</summary>
    internal sealed record Targets(int[]? TrainLabels, int[]? TestLabels, int ClassCount, DataMatrix? Ttrain, DataMatrix? Ttest);

    /// <summary>Converts Ttrain and Ttest, whose row counts the caller has checked.</summary>
    /// <param name="path">The data set's file or folder, named in error messages.</param>
    /// <param name="ttrain">The training targets.</param>
    /// <param name="ttest">The test targets.</param>
    /// <param name="scalarType">The element type of real-valued target matrices.</param>
    internal static Targets Convert(string path, NpyArray ttrain, NpyArray ttest, ScalarType scalarType)
    {
        CheckRank(ttrain, "Ttrain", path);
        CheckRank(ttest, "Ttest", path);
        double[]? trainValues = ttrain.Rank == 2 ? ttrain.ToDoubleArray() : null;
        double[]? testValues = ttest.Rank == 2 ? ttest.ToDoubleArray() : null;
        if (trainValues is not null && testValues is not null && ttrain.Shape[1] != ttest.Shape[1])
        {
            throw new DataFormatException(
                $"The data set '{path}' has {ttrain.Shape[1]} target columns in Ttrain but {ttest.Shape[1]} in Ttest. Both need one column per output.",
                path);
        }

        bool trainOneHot = trainValues is null || IsOneHot(trainValues, ttrain.Shape[1]);
        bool testOneHot = testValues is null || IsOneHot(testValues, ttest.Shape[1]);
        if (trainOneHot && testOneHot)
        {
            int[] trainLabels = trainValues is null ? ToLabels(ttrain, "Ttrain", path) : ArgMax(trainValues, ttrain.Shape[1]);
            int[] testLabels = testValues is null ? ToLabels(ttest, "Ttest", path) : ArgMax(testValues, ttest.Shape[1]);
            int? width = null;
            if (trainValues is not null)
            {
                width = ttrain.Shape[1];
            }
            else if (testValues is not null)
            {
                width = ttest.Shape[1];
            }

            int classCount = ClassCount(trainLabels, testLabels, width, path);
            return new Targets(trainLabels, testLabels, classCount, null, null);
        }

        if (trainValues is null || testValues is null)
        {
            string labelsName = trainValues is null ? "Ttrain" : "Ttest";
            string matrixName = trainValues is null ? "Ttest" : "Ttrain";
            throw new DataFormatException(
                $"The data set '{path}' has class indices in {labelsName} but a real-valued 2-d matrix in {matrixName}, which has rows that are not one-hot. Save both targets as class indices (N,) or both as matrices (N, K).",
                path);
        }

        DataMatrix trainMatrix = ToMatrix(trainValues, ttrain, scalarType);
        DataMatrix testMatrix = ToMatrix(testValues, ttest, scalarType);
        return new Targets(null, null, trainMatrix.Columns, trainMatrix, testMatrix);
    }

    private static void CheckRank(NpyArray array, string name, string path)
    {
        if (array.Rank is not (1 or 2) || (array.Rank == 2 && array.Shape[1] == 0))
        {
            throw new DataFormatException(
                $"The array {name} in '{path}' has shape {array.FormatShape()}. Targets must be class indices of shape (N,) or a target matrix of shape (N, K) with K at least 1.",
                path);
        }
    }

    private static bool IsOneHot(double[] values, int width)
    {
        for (int row = 0; row < values.Length; row += width)
        {
            int ones = 0;
            for (int column = 0; column < width; column++)
            {
                double value = values[row + column];
                if (value == 1)
                {
                    ones++;
                }
                else if (value != 0)
                {
                    return false;
                }
            }

            if (ones != 1)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] ArgMax(double[] oneHot, int width)
    {
        var labels = new int[oneHot.Length / width];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = Array.IndexOf(oneHot, 1.0, i * width, width) - (i * width);
        }

        return labels;
    }

    private static int[] ToLabels(NpyArray array, string name, string path)
    {
        long[] values = array.ToInt64Array();
        var labels = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            long value = values[i];
            if (value < 0 || value >= int.MaxValue)
            {
                string problem = value < 0 ? "Class labels must be 0 or greater; number the classes from 0" : "Class labels must be less than 2147483647";
                throw new DataFormatException($"The array {name} in '{path}' contains the label {value} at index {i}. {problem}.", path);
            }

            labels[i] = (int)value;
        }

        return labels;
    }

    private static int ClassCount(int[] trainLabels, int[] testLabels, int? oneHotWidth, string path)
    {
        int maxLabel = Math.Max(trainLabels.DefaultIfEmpty(0).Max(), testLabels.DefaultIfEmpty(0).Max());
        if (oneHotWidth is int width)
        {
            if (maxLabel >= width)
            {
                throw new DataFormatException(
                    $"The data set '{path}' has the class index {maxLabel}, but its one-hot targets have only {width} columns (classes 0..{width - 1}). Save both targets in the same encoding with the same classes.",
                    path);
            }

            return width;
        }

        return maxLabel + 1;
    }

    private static DataMatrix ToMatrix(double[] values, NpyArray array, ScalarType scalarType)
    {
        var matrix = new DataMatrix(values, array.Shape[0], array.Shape[1]);
        return matrix.ConvertTo(scalarType);
    }
}
