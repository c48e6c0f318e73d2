package main

import (
	"os"
	"runtime/debug"
)

// The collector during a bulk ingest. Nearly all that ingest allocates
// is the analysis of the batches in flight, garbage a moment later, and
// at the default GOGC of 100 collecting it took a tenth of the CPU.
// With 200 the collector runs half as often; the soft limit makes it run
// sooner as the heap nears 768 MiB, so that the peak stays near where it
// was: at 20k items 11 % faster with peak RSS 736 → 819 MB, at 100k 9 %
// faster with 959 → 907 MB (docs/performance.md).
const (
	ingestGCPercent   = 200
	ingestMemoryLimit = 768 << 20
)

// bulkGC sets the collector for a bulk ingest and returns what restores
// it. GOGC or GOMEMLIMIT in the environment says the user chose; then
// it changes nothing.
func bulkGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	pct := debug.SetGCPercent(ingestGCPercent)
	limit := debug.SetMemoryLimit(ingestMemoryLimit)
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}
