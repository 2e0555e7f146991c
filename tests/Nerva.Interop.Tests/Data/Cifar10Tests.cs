using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class Cifar10Tests
{
    /// <summary>Writes five training batches of 3 records and a test batch of 2, and returns the folder that contains them.</summary>
    private static string WriteBatches(TempFolder folder, string subfolder)
    {
        for (int b = 0; b < 5; b++)
        {
            folder.Write(Path.Combine(subfolder, $"data_batch_{b + 1}.bin"), Fixtures.CifarBatch(3 * b, 3));
        }

        folder.Write(Path.Combine(subfolder, "test_batch.bin"), Fixtures.CifarBatch(100, 2));
        return folder.Combine(subfolder);
    }

    [Fact]
    public void LoadBatch_SplitsLabelsAndPixels()
    {
        using var folder = new TempFolder();
        string path = folder.Write("data_batch_1.bin", Fixtures.CifarBatch(7, 4));

        (NpyArray images, NpyArray labels) = Cifar10.LoadBatch(path);

        Assert.Equal([4, 3072], images.Shape);
        Assert.Equal([7, 8, 9, 0], labels.ToArray<byte>());
        byte[] pixels = images.ToArray<byte>();
        Assert.Equal((byte)((7 + 1 + 3071) % 256), pixels[3072 + 3071]);
        Assert.Equal((byte)9, pixels[2 * 3072]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cifar-10-batches-bin")]
    public void DataSetLoad_CifarFolder_ConcatenatesBatches(string subfolder)
    {
        using var folder = new TempFolder();
        WriteBatches(folder, subfolder);

        DataSet data = DataSet.Load(folder.Path);

        Assert.Equal((15, 3072), (data.Xtrain.Rows, data.Xtrain.Columns));
        Assert.Equal((2, 3072), (data.Xtest.Rows, data.Xtest.Columns));
        Assert.Equal(10, data.ClassCount);
        Assert.True(data.HasClassLabels);
        Assert.Equal([.. Enumerable.Range(0, 15).Select(i => i % 10)], data.TrainLabels);
        Assert.Equal([0, 1], data.TestLabels);
        Assert.Equal((double)((14 + 5) % 256), data.Xtrain[14, 5]);
        Assert.Equal((double)((101 + 3071) % 256), data.Xtest[1, 3071]);
    }

    [Fact]
    public void DataSetLoad_MissingTestBatch_NamesIt()
    {
        using var folder = new TempFolder();
        string batches = WriteBatches(folder, "cifar-10-batches-bin");
        File.Delete(Path.Combine(batches, "test_batch.bin"));

        var exception = Assert.Throws<DataSetNotFoundException>(() => DataSet.Load(folder.Path));

        Assert.Contains("has no test_batch.bin", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3072)]
    [InlineData(3074)]
    public void LoadBatch_PartialRecord_Throws(int length)
    {
        using var folder = new TempFolder();
        string path = folder.Write("data_batch_1.bin", Fixtures.CifarBatch(0, 2)[..length]);

        var exception = Assert.Throws<DataFormatException>(() => Cifar10.LoadBatch(path));

        Assert.Contains($"its length {length} is not a positive multiple of the 3073-byte record", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadBatch_LabelAboveNine_Throws()
    {
        using var folder = new TempFolder();
        byte[] batch = Fixtures.CifarBatch(0, 3);
        batch[2 * 3073] = 10;
        string path = folder.Write("data_batch_1.bin", batch);

        var exception = Assert.Throws<DataFormatException>(() => Cifar10.LoadBatch(path));

        Assert.Contains("the label 10 in record 2", exception.Message, StringComparison.Ordinal);
    }
}
