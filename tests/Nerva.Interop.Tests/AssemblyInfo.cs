// Several tests compare the native live-object count before and after; tests
// running in parallel would create objects in between, so they run one by one.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
