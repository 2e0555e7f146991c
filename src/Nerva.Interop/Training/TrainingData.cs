using Nerva.Data;

namespace Nerva.Training;

/// <summary>
/// A data set copied once into native matrices: inputs X (one example per row) and targets T (one-hot rows for
/// class labels) for the training and the test part. Training batches are gathered from these matrices in native
/// code, so the data set is not copied again per batch.
/// </summary>
public sealed class TrainingData : IDisposable
{
    private TrainingData(Matrix xtrain, Matrix ttrain, Matrix xtest, Matrix ttest)
    {
        Xtrain = xtrain;
        Ttrain = ttrain;
        Xtest = xtest;
        Ttest = ttest;
    }

    /// <summary>The training inputs, M x D.</summary>
    public Matrix Xtrain { get; }

    /// <summary>The training targets, M x K.</summary>
    public Matrix Ttrain { get; }

    /// <summary>The test inputs.</summary>
    public Matrix Xtest { get; }

    /// <summary>The test targets.</summary>
    public Matrix Ttest { get; }

    /// <summary>The number of training examples M.</summary>
    public int TrainCount => Xtrain.Rows;

    /// <summary>The number of test examples.</summary>
    public int TestCount => Xtest.Rows;

    /// <summary>
    /// Copies <paramref name="dataSet"/> into native matrices of <paramref name="scalarType"/>. Class labels
    /// become one-hot rows of width <see cref="DataSet.ClassCount"/>.
    /// </summary>
    public static TrainingData Create(DataSet dataSet, ScalarType scalarType)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var created = new List<Matrix>(4);
        try
        {
            created.Add(ToMatrix(dataSet.Xtrain, scalarType));
            created.Add(ToMatrix(dataSet.HasClassLabels ? DataMatrix.OneHot(dataSet.TrainLabels, dataSet.ClassCount, scalarType) : dataSet.Ttrain, scalarType));
            created.Add(ToMatrix(dataSet.Xtest, scalarType));
            created.Add(ToMatrix(dataSet.HasClassLabels ? DataMatrix.OneHot(dataSet.TestLabels, dataSet.ClassCount, scalarType) : dataSet.Ttest, scalarType));
            return new TrainingData(created[0], created[1], created[2], created[3]);
        }
        catch
        {
            created.ForEach(matrix => matrix.Dispose());
            throw;
        }
    }

    /// <summary>Releases the four matrices.</summary>
    public void Dispose()
    {
        Xtrain.Dispose();
        Ttrain.Dispose();
        Xtest.Dispose();
        Ttest.Dispose();
    }

    private static Matrix ToMatrix(DataMatrix values, ScalarType scalarType)
    {
        DataMatrix converted = values.ScalarType == scalarType ? values : values.ConvertTo(scalarType);
        return scalarType == ScalarType.Float32
            ? Matrix.Create<float>(converted.AsSpan<float>(), converted.Rows, converted.Columns)
            : Matrix.Create<double>(converted.AsSpan<double>(), converted.Rows, converted.Columns);
    }
}
