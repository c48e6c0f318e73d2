package index

// Durability of writes.
//
// Put, PutAll and Remove return only once their batch is on disk. That
// is bleve's scorch default, not something this package adds: with a
// path and without the "unsafe_batch" option (Open passes none),
// scorch's Batch (index/scorch/scorch.go, prepareSegment) gives each
// introduction a "persisted" channel and waits on it after the segment
// is applied; the persister closes that channel only when the snapshot
// holding the segment has been written (the zap segment file synced in
// zapx's build.go) and recorded in root.bolt (committed, then Sync in
// persister.go). A caller that answers a client after Put returns has
// therefore acknowledged a write that survives the process being
// killed; the crash test in cmd/motesarkiv (crash_test.go) kills a
// server twenty times in mid-upload to hold that.
//
// The price is a wait per batch of the persister's cycle (a few
// milliseconds to tens of them), which is why bulk ingest writes
// hundreds of meetings per batch (bulk.go).
//
// Setting "unsafe_batch": true in Open's config would return from Batch
// before persistence; a persisted callback (Batch.SetPersistedCallback)
// would then be needed before answering. Do not set it.
