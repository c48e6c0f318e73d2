package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
