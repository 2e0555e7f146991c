using System.Globalization;
using Nerva;
using Nerva.Layers;

// Y = X W^T + b for X = [[1, 2, 3]], W = [[1, 0, -1], [0.5, 0.5, 0.5]], b = [10, 20]
// gives Y = [[8, 23]].
using var layer = new LinearLayer(3, 2, ScalarType.Float64);
layer.SetParameter<double>("W", [1, 0, -1, 0.5, 0.5, 0.5]);
layer.SetParameter<double>("b", [10, 20]);
using Matrix X = Matrix.Create<double>([1, 2, 3], 1, 3);
using var Y = new Matrix(1, 1, ScalarType.Float64);
layer.Feedforward(X, Y);
Console.WriteLine("Y = " + string.Join(" ", Y.ToArray<double>().Select(y => y.ToString("R", CultureInfo.InvariantCulture))));
Console.WriteLine("uses MKL: " + NervaLibrary.UsesMkl);
