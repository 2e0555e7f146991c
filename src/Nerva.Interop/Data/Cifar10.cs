namespace Nerva.Data;

/// <summary>
/// Reads the binary version of CIFAR-10. Each file has 10,000 records of one label byte (0 to 9) followed by a
/// 32 x 32 colour image of 3,072 bytes. The image is the red plane, then the green plane, then the blue plane,
/// each in row-major order.
/// </summary>
public static class Cifar10
{
    /// <summary>The bytes per record: one label and the pixels.</summary>
    public const int RecordSize = 1 + ImageSize;

    /// <summary>The pixel bytes per image: 3 channels of 32 x 32.</summary>
    public const int ImageSize = 3 * 32 * 32;

    /// <summary>The number of classes; labels run from 0 to 9.</summary>
    public const int ClassCount = 10;

    /// <summary>The subfolder that the CIFAR-10 binary archive unpacks into.</summary>
    public const string BatchFolderName = "cifar-10-batches-bin";

    /// <summary>The file names of the five training batches, in order.</summary>
    public static IReadOnlyList<string> TrainingBatchNames { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>The file name of the test batch.</summary>
    public const string TestBatchName = "test_batch.bin";

    /// <summary>Reads one batch file.</summary>
    /// <returns>The images as a UInt8 array of shape (N, 3072) in the file's channel-major layout, and the labels as a UInt8 array of shape (N,).</returns>
    /// <exception cref="DataSetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is empty, its length is not a whole number of records, or a label is 10 or more.</exception>
    public static (NpyArray Images, NpyArray Labels) LoadBatch(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DataSetNotFoundException($"The CIFAR-10 batch '{path}' does not exist. Check the path.", path);
        }

        long length = new FileInfo(path).Length;
        if (length == 0 || length % RecordSize != 0 || length > Array.MaxLength)
        {
            throw new DataFormatException(
                $"The file '{path}' is not a CIFAR-10 binary batch: its length {length} is not a positive multiple of the {RecordSize}-byte record (1 label byte and {ImageSize} pixel bytes). The file is truncated or of another format; download the binary version again.",
                path);
        }

        byte[] records = File.ReadAllBytes(path);
        if (records.Length != length)
        {
            throw new DataFormatException($"The file '{path}' changed while it was read. Read it again when no other program writes it.", path);
        }

        int count = records.Length / RecordSize;
        var labels = new byte[count];
        var images = new byte[count * ImageSize];
        for (int i = 0; i < count; i++)
        {
            byte label = records[i * RecordSize];
            if (label >= ClassCount)
            {
                throw new DataFormatException(
                    $"The file '{path}' contains the label {label} in record {i}, but CIFAR-10 labels run from 0 to {ClassCount - 1}. The file is corrupt or is CIFAR-100 (which has 2 label bytes per record).",
                    path);
            }

            labels[i] = label;
            records.AsSpan((i * RecordSize) + 1, ImageSize).CopyTo(images.AsSpan(i * ImageSize));
        }

        return (new NpyArray(NpyDType.UInt8, [count, ImageSize], images, path), new NpyArray(NpyDType.UInt8, [count], labels, path));
    }
}
