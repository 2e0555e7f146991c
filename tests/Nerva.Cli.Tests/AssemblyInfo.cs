// The CLI sets process-wide state (the native thread count, the Ctrl-C handler), so tests run one by one.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
