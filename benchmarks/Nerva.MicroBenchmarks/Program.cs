// BenchmarkDotNet micro-benchmarks of the hot calls through the C ABI; see docs/benchmarks.md.
//   dotnet run -c Release --project benchmarks/Nerva.MicroBenchmarks -- --filter '*'
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Nerva.MicroBenchmarks.InteropBenchmarks).Assembly).Run(args);
