package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// TestIngestTestdata ingests testdata/ as a user would drop an archive
// in: every good file is ingested, every file of testdata/bad/ is named
// with its reason, the summary counts match the folder, the originals are
// kept, and a second run changes nothing.
func TestIngestTestdata(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	files, errs := ingest.Collect([]string{root})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var good, bad []string
	for _, f := range files {
		if filepath.Base(filepath.Dir(f)) == "bad" {
			bad = append(bad, f)
		} else {
			good = append(good, f)
		}
	}
	dir := filepath.Join(t.TempDir(), "index")
	var stdout, stderr bytes.Buffer
	if err := testApp(&stdout, &stderr, nil).run(t.Context(), []string{"ingest", "--index", dir, root}); err != nil {
		t.Fatalf("ingest testdata: %v\n%s", err, &stderr)
	}
	summary := stdout.String()
	if want := fmt.Sprintf("ingested %d of %d files (", len(good), len(files)); !strings.Contains(summary, want) {
		t.Errorf("summary %q, want %q", summary, want)
	}
	if want := fmt.Sprintf("%d skipped", len(bad)); !strings.Contains(summary, want) {
		t.Errorf("summary %q, want %q", summary, want)
	}
	for _, f := range bad {
		if !strings.Contains(summary, "\nskipped "+f+": ") {
			t.Errorf("summary does not name %s:\n%s", f, summary)
		}
	}
	originals, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "originals", "*"))
	if len(originals) == 0 {
		t.Error("no originals kept beside the index")
	}

	stdout.Reset()
	if err := testApp(&stdout, &stderr, nil).run(t.Context(), []string{"ingest", "--index", dir, root}); err != nil {
		t.Fatal(err)
	}
	// The same files again add nothing. (A meeting given in several formats
	// is replaced by each in turn, as the last file read wins.)
	if want := fmt.Sprintf("ingested %d of %d files (0 added, ", len(good), len(files)); !strings.Contains(stdout.String(), want) {
		t.Errorf("second run %q, want %q", &stdout, want)
	}
}

// TestIngestOptions: --max-size refuses a larger file with its size, and
// --date gives a meeting without one its date.
func TestIngestOptions(t *testing.T) {
	folder := t.TempDir()
	undated := filepath.Join(folder, "utan-datum.txt")
	text := "Minnesanteckningar Styrgruppen för e-hälsa\n\n1. Inledning\n\nOrdföranden hälsade välkommen.\n"
	if err := os.WriteFile(undated, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	var stdout bytes.Buffer
	err := testApp(&stdout, &bytes.Buffer{}, nil).run(t.Context(), []string{"ingest", "--index", dir, undated})
	if err == nil || !strings.Contains(stdout.String(), "no meeting date found; give one with --date") {
		t.Errorf("undated file: %v\n%s", err, &stdout)
	}
	stdout.Reset()
	if err := testApp(&stdout, &bytes.Buffer{}, nil).run(t.Context(), []string{"ingest", "--index", dir, "--date", "2025-11-18", undated}); err != nil {
		t.Errorf("undated file with --date: %v", err)
	}
	big := filepath.Join(folder, "stor.pdf")
	if err := os.WriteFile(big, nil, 0o644); err != nil || os.Truncate(big, 2<<20+1) != nil {
		t.Fatal("cannot make a large file")
	}
	seed := seedPath(seeds[0])
	stdout.Reset()
	err = testApp(&stdout, &bytes.Buffer{}, nil).run(t.Context(), []string{"ingest", "--index", dir, "--max-size", "1", seed, big})
	if err != nil {
		t.Fatal(err)
	}
	if want := "skipped " + big + ": file too large (3 MB > 1 MB)"; !strings.Contains(stdout.String(), want) {
		t.Errorf("summary %q, want %q", &stdout, want)
	}
	err = testApp(&stdout, &bytes.Buffer{}, map[string]string{envMaxSize: "0"}).run(t.Context(), []string{"ingest", "--index", dir, seed})
	if code := exitCode(err, &bytes.Buffer{}); code != 2 {
		t.Errorf("--max-size 0: exit code %d, want 2", code)
	}
}

// TestIngestLaterFileWins: chunks are put two at once, yet a meeting in
// two files is the later file's, whether the earlier is in the chunk
// still in flight, a chunk long landed or the same chunk.
func TestIngestLaterFileWins(t *testing.T) {
	folder := t.TempDir()
	day := func(k int) string { return time.Date(2000, 1, 1+k, 0, 0, 0, 0, time.UTC).Format(time.DateOnly) }
	n := 2*ingestChunk + 10
	again := map[int]int{ingestChunk + 3: ingestChunk - 1, 2*ingestChunk + 5: 5, 2*ingestChunk + 8: 2*ingestChunk + 1}
	for k := range n {
		date, word := day(k), fmt.Sprintf("tidigare%d", k)
		if first, ok := again[k]; ok {
			date, word = day(first), fmt.Sprintf("senare%d", first)
		}
		if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("f%04d.txt", k)), []byte(minutesText(date, word)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "index")
	var stdout, stderr bytes.Buffer
	if err := testApp(&stdout, &stderr, nil).run(t.Context(), []string{"ingest", "--index", dir, folder}); err != nil {
		t.Fatalf("ingest: %v\n%s", err, &stderr)
	}
	if want := fmt.Sprintf("(%d added, %d replaced, ", n-len(again), len(again)); !strings.Contains(stdout.String(), want) {
		t.Errorf("summary %q, want %q", &stdout, want)
	}
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for k, first := range again {
		m, err := ix.Meeting("styrgruppen-for-e-halsa-" + day(first))
		if err != nil || !strings.Contains(m.Items[0].Body, "senare") {
			t.Errorf("meeting of files %d and %d: %+v, %v; want the later file's", first, k, m, err)
		}
	}
}
