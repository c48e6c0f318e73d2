package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motesarkiv/index"
)

// TestServeRebuildsStaleIndex ingests the seeds (which keeps their
// originals), makes the index look built by an older binary, and serves
// it: the server answers from the start, rebuilds from the originals in
// the background, swaps, and then serves the same meetings from a new
// generation.
func TestServeRebuildsStaleIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	args := []string{"ingest", "--index", dir}
	for _, s := range seeds {
		args = append(args, seedPath(s))
	}
	if err := testApp(io.Discard, io.Discard, nil).run(t.Context(), args); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.StampVersion("sv-0"); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	var logs syncBuffer
	base, stop := serving(t, dir, &logs)
	if status, _ := httpGet(t, base+"/api/v1/search?q=v%C3%A5rd"); status != 200 {
		t.Errorf("search while rebuilding: status %d", status)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(logs.String(), "index rebuilt and swapped in") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	status, body := httpGet(t, base+"/api/v1/search?q=v%C3%A5rd&facets=none")
	var res index.Result
	if err := json.Unmarshal(body, &res); status != 200 || err != nil || res.Total == 0 {
		t.Errorf("search after the swap: status %d, %d hits, %v", status, res.Total, err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"rebuilding index", `"reparsed":2`, "index rebuilt and swapped in"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "current")); err != nil {
		t.Errorf("no live generation recorded: %v", err)
	}
	ix, err = index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, err := ix.MeetingCount(); err != nil || n != len(seeds) {
		t.Errorf("rebuilt index holds %d meetings, %v; want %d", n, err, len(seeds))
	}
	if stale, err := ix.Stale(); err != nil || stale {
		t.Errorf("rebuilt index stale: %v, %v", stale, err)
	}
}
