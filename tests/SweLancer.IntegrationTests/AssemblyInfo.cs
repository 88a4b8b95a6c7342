using Xunit;

// The specs drive real containers and one Chromium on a 2-core machine; run them one at a time so browser timeouts
// measure the app, not the neighbours.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
