package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// TestLoadRun runs the load command for a few seconds on a tiny corpus:
// both phases answer, uploads are added and then replaced, nothing
// fails, and the table is printed. The p99 ratio is not checked here: a
// few seconds on a shared machine say nothing about it.
func TestLoadRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and serves for several seconds; skipped under -short")
	}
	if _, err := os.Stat(testSpeeches); err != nil {
		t.Skipf("speeches not found: %v", err)
	}
	dir := t.TempDir()
	corpus := dir + "/corpus"
	man, err := generate(t.Context(), genConfig{items: 300, seed: 3, out: corpus, speeches: testSpeeches, speechLimit: testSpeechLimit})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir("../.."); err != nil { // buildBinary builds ./cmd/motesarkiv
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir("cmd/motesarkiv-bench") })
	bin, err := buildBinary(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := loadConfig{clients: 4, warmup: 200 * time.Millisecond, idle: 1500 * time.Millisecond,
		duration: 3 * time.Second, holdback: 0.25, maxRatio: 1000}
	rep, err := runLoad(t.Context(), cfg, bin, dir, corpus, man, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep.print(&out)
	t.Log("\n" + out.String())
	if err := rep.check(); err != nil {
		t.Fatal(err)
	}
	if rep.uploads.added == 0 || rep.uploads.replaced == 0 {
		t.Errorf("uploads: %d added, %d replaced; want both", rep.uploads.added, rep.uploads.replaced)
	}
	if !strings.Contains(out.String(), "| loaded (uploads running) |") {
		t.Errorf("no loaded row in\n%s", out.String())
	}
}
