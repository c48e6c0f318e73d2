package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// seeds are the real minutes in testdata/, which the bundled examples copy.
var seeds = []string{
	"valfardsradet-dalarna-2023-10-26.txt",
	"valfardsradet-dalarna-2026-04-09.txt",
}

func seedPath(name string) string { return filepath.Join("..", "..", "testdata", name) }

// syncBuffer is a bytes.Buffer that a serving goroutine and the test can
// share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testApp is an app with an empty environment, so that the machine's
// MOTESARKIV_* variables cannot reach a test.
func testApp(stdout, stderr io.Writer, env map[string]string) *app {
	return &app{stdout: stdout, stderr: stderr, getenv: func(k string) string { return env[k] }}
}

// serving runs serve in the background and returns its base URL and a
// function that cancels it and returns run's error.
func serving(t *testing.T, dir string, stderr io.Writer) (string, func() error) {
	t.Helper()
	return servingWith(t, dir, stderr)
}

func httpGet(t *testing.T, url string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// TestServe starts serve on an empty index, which it must fill with the
// bundled examples, searches them over HTTP, stops it, and checks that it
// stopped cleanly and closed the index; then serves the same index again,
// which it must not fill a second time.
func TestServe(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	var logs syncBuffer
	base, stop := serving(t, dir, &logs)

	if status, body := httpGet(t, base+"/healthz"); status != http.StatusOK || string(body) != "ok" {
		t.Errorf("healthz: %d %q", status, body)
	}
	q := url.Values{"q": {`"God och Nära vård"`}}
	status, body := httpGet(t, base+"/api/v1/search?"+q.Encode())
	var res index.Result
	if err := json.Unmarshal(body, &res); status != http.StatusOK || err != nil {
		t.Fatalf("search: %d %v %s", status, err, body)
	}
	if res.Total != 5 {
		t.Errorf("search over the bundled examples: %d hits, want 5", res.Total)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	for _, want := range []string{"bundled example minutes", `"serving"`, `"stopped"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, logs.String())
		}
	}

	// The index was closed: it opens again, holding the two examples.
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatalf("reopen after serve: %v", err)
	}
	n, err := ix.MeetingCount()
	if err := errors.Join(err, ix.Close()); err != nil || n != 2 {
		t.Fatalf("meetings after serve: %d, %v", n, err)
	}

	var again syncBuffer
	start := time.Now()
	base, stop = serving(t, dir, &again)
	if status, _ := httpGet(t, base+"/healthz"); status != http.StatusOK {
		t.Errorf("healthz on an existing index: %d", status)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("healthz answered %v after start on an existing index", d)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve again: %v", err)
	}
	if strings.Contains(again.String(), "bundled example minutes") {
		t.Error("serve ingested the examples into an index that had meetings")
	}
}

// TestParse: parse prints the meeting as JSON and nothing else on stdout.
func TestParse(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := testApp(&stdout, &stderr, nil).run(t.Context(), []string{"parse", seedPath(seeds[1])}); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&stdout)
	var m ingest.Meeting
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	if m.MeetingDate != "2026-04-09" || len(m.Items) == 0 {
		t.Errorf("parsed meeting of %q with %d items", m.MeetingDate, len(m.Items))
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("stdout has more than the meeting: %v", err)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %s", &stderr)
	}
}

func TestParseRegion(t *testing.T) {
	var stdout bytes.Buffer
	env := map[string]string{envRegion: "Från miljön"}
	args := []string{"parse", "--region", "Från flaggan", writeFile(t, "utan-region.txt", minutesWithoutRegion)}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{args[:1:1], "Från miljön"},
		{args[:3:3], "Från flaggan"},
	} {
		stdout.Reset()
		argv := append(tt.args, args[3])
		if err := testApp(&stdout, io.Discard, env).run(t.Context(), argv); err != nil {
			t.Fatal(err)
		}
		var m ingest.Meeting
		if err := json.Unmarshal(stdout.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		if m.Region != tt.want {
			t.Errorf("%q: region %q, want %q", argv, m.Region, tt.want)
		}
	}
}

// minutesWithoutRegion are minutes whose text names no region.
const minutesWithoutRegion = `Minnesanteckningar Provrådet

Datum: 260409

1. Mötets öppnande

Provrådet beslutade

att öppna mötet
`

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestIngest: a bad file is named and skipped, and ingest succeeds while
// any file could be ingested; the same bytes again change nothing.
func TestIngest(t *testing.T) {
	folder := t.TempDir()
	empty := filepath.Join(folder, "tom.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(seedPath(seeds[0]))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, seeds[0]), good, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")

	var stdout, stderr bytes.Buffer
	if err := testApp(&stdout, &stderr, nil).run(t.Context(), []string{"ingest", "--index", dir, folder}); err != nil {
		t.Fatalf("ingest of a good and an empty file: %v\n%s", err, &stderr)
	}
	if !strings.Contains(stderr.String(), empty) || !strings.Contains(stderr.String(), `"added"`) {
		t.Errorf("stderr does not name %s or log the added file:\n%s", empty, &stderr)
	}
	if want := "ingested 1 of 2 files (1 added, 0 replaced, 0 unchanged, 1 failed)"; !strings.Contains(stdout.String(), want) {
		t.Errorf("summary %q, want %q", &stdout, want)
	}

	stderr.Reset()
	if err := testApp(io.Discard, &stderr, nil).run(t.Context(), []string{"-index=" + dir, "ingest"}); err == nil {
		t.Error("flags before the command were accepted")
	}
	if err := testApp(io.Discard, &stderr, nil).run(t.Context(), []string{"ingest", "-index=" + dir, filepath.Join(folder, seeds[0])}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), `"unchanged"`) {
		t.Errorf("the same file again was not unchanged:\n%s", &stderr)
	}

	err = testApp(io.Discard, io.Discard, nil).run(t.Context(), []string{"ingest", "--index", dir, empty})
	if err == nil {
		t.Error("ingest of only a bad file succeeded")
	}
	if code := exitCode(err, io.Discard); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
}

// TestSearch runs the search command over an ingested index, for a
// person and as JSON.
func TestSearch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ingestArgs := append([]string{"ingest"}, seedPath(seeds[0]), seedPath(seeds[1]))
	env := map[string]string{envIndex: dir}
	if err := testApp(io.Discard, io.Discard, env).run(t.Context(), ingestArgs); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := testApp(&out, io.Discard, env).run(t.Context(), []string{"search", `"God och Nära vård"`}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"5 hits", "#punkt-6a", "**", "2023-10-26"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("search output lacks %s:\n%s", want, &out)
		}
	}
	if strings.Contains(out.String(), "<mark>") {
		t.Errorf("search output has HTML:\n%s", &out)
	}

	out.Reset()
	if err := testApp(&out, io.Discard, env).run(t.Context(), []string{"search", "--mentions", `"God och Nära vård"`}); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 14 || lines[13] != "13 mentions" {
		t.Errorf("search --mentions printed %d lines, want 13 mentions and the count:\n%s", len(lines), &out)
	}

	out.Reset()
	if err := testApp(&out, io.Discard, env).run(t.Context(), []string{"search", "--json", "--size", "2", "vård"}); err != nil {
		t.Fatal(err)
	}
	var res index.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || len(res.Hits) != 2 {
		t.Errorf("search --json: %v, %d hits:\n%s", err, len(res.Hits), &out)
	}

	err := testApp(io.Discard, io.Discard, env).run(t.Context(), []string{"search", `"unclosed`})
	if !errors.Is(err, index.ErrBadQuery) || exitCode(err, io.Discard) != 1 {
		t.Errorf("bad query: %v", err)
	}
	err = testApp(io.Discard, io.Discard, nil).run(t.Context(), []string{"search", "--index", filepath.Join(t.TempDir(), "saknas"), "vård"})
	if err == nil || !strings.Contains(err.Error(), "ingest") {
		t.Errorf("search of a missing index: %v, want advice to ingest", err)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"parse"}, 2},
		{[]string{"parse", "a", "b"}, 2},
		{[]string{"ingest"}, 2},
		{[]string{"search", "--index", "x"}, 2},
		{[]string{"serve", "--no-such-flag"}, 2},
		{[]string{"serve", "--log-level", "loud", "--index", "x"}, 2},
		{[]string{"help"}, 0},
		{[]string{"serve", "-h"}, 0},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := testApp(&stdout, &stderr, nil).run(t.Context(), tt.args)
		if code := exitCode(err, &stderr); code != tt.code {
			t.Errorf("%q: exit code %d, want %d (%v)", tt.args, code, tt.code, err)
		}
		if tt.code == 2 && !strings.Contains(stderr.String(), "motesarkiv ") {
			t.Errorf("%q: no usage on stderr", tt.args)
		}
		if tt.code == 0 && !strings.Contains(stdout.String(), "motesarkiv serve") {
			t.Errorf("%q: no usage on stdout", tt.args)
		}
	}
}
