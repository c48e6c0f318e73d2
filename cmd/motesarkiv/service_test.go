package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// servingWith runs serve in the background with extra flags and returns
// its base URL and a function that cancels it and returns run's error.
func servingWith(t *testing.T, dir string, stderr io.Writer, extra ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	addrc := make(chan net.Addr, 1)
	a := testApp(io.Discard, stderr, nil)
	a.ready = func(addr net.Addr) { addrc <- addr }
	errc := make(chan error, 1)
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--index", dir}, extra...)
	go func() { errc <- a.run(ctx, args) }()
	select {
	case addr := <-addrc:
		return "http://" + addr.String(), func() error {
			cancel()
			select {
			case err := <-errc:
				return err
			case <-time.After(shutdownTimeout + 5*time.Second):
				return errors.New("serve did not stop")
			}
		}
	case err := <-errc:
		cancel()
		t.Fatalf("serve ended before listening: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("serve did not listen within 30 s")
	}
	return "", nil
}

func minutesText(date, word string) string {
	return fmt.Sprintf("Minnesanteckningar Styrgruppen för e-hälsa\n\nDatum: %s\n\n1. Inledning\n\n"+
		"Ordföranden hälsade välkommen till %s.\n\n2. Rapport: Läget i projekten\n\nProjekten löper enligt plan.\n", date, word)
}

// searchable waits until a search for word finds a hit, and returns how
// long it took.
func searchable(t *testing.T, base, word string, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < within {
		if _, body := httpGet(t, base+"/api/v1/search?q="+word); bytes.Contains(body, []byte(`"total":1`)) {
			return time.Since(start)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s not searchable within %s", word, within)
	return 0
}

// TestServiceWrites: files sent with ingest --server and dropped into the
// watched folder become searchable within seconds; a plain ingest on the
// served index says at once where to send the files; remove --server
// takes a meeting and its original out.
func TestServiceWrites(t *testing.T) {
	data := t.TempDir()
	dir, watched := filepath.Join(data, "index"), filepath.Join(data, "inkorg")
	if err := os.Mkdir(watched, 0o755); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	base, stop := servingWith(t, dir, &logs, "--write-token", "hemlig", "--watch", watched)

	file := writeFile(t, "m.txt", minutesText("2025-11-18", "zebrafinkmötet"))
	var out bytes.Buffer
	a := testApp(&out, io.Discard, nil)
	if err := a.run(t.Context(), []string{"ingest", "--server", base, "--write-token", "hemlig", file}); err != nil {
		t.Fatalf("ingest --server: %v", err)
	}
	if !strings.Contains(out.String(), "1 added") {
		t.Errorf("ingest --server printed %q", out.String())
	}
	t.Logf("sent with ingest --server: searchable after %s", searchable(t, base, "zebrafinkmötet", 5*time.Second))

	if err := testApp(io.Discard, io.Discard, nil).run(t.Context(), []string{"ingest", "--server", base, file}); err == nil {
		t.Error("ingest --server without the token succeeded")
	}

	start := time.Now()
	err := testApp(io.Discard, io.Discard, nil).run(t.Context(), []string{"ingest", "--index", dir, file})
	if err == nil || !strings.Contains(err.Error(), "--server "+base) {
		t.Errorf("plain ingest on a served index: %v", err)
	}
	t.Logf("plain ingest refused after %s: %v", time.Since(start), err)

	os.WriteFile(filepath.Join(watched, "nytt.txt"), []byte(minutesText("2025-12-02", "kolibrimötet")), 0o644)
	t.Logf("dropped into the watched folder: searchable after %s", searchable(t, base, "kolibrimötet", 10*time.Second))

	const id = "styrgruppen-for-e-halsa-2025-11-18"
	original := filepath.Join(data, "originals", id+".txt")
	if _, err := os.Stat(original); err != nil {
		t.Errorf("original not kept: %v", err)
	}
	if err := testApp(io.Discard, io.Discard, nil).run(t.Context(), []string{"remove", "--server", base, "--write-token", "hemlig", id}); err != nil {
		t.Fatalf("remove --server: %v", err)
	}
	if code, _ := httpGet(t, base+"/api/v1/meetings/"+id); code != 404 {
		t.Errorf("meeting after remove: %d", code)
	}
	if _, body := httpGet(t, base+"/api/v1/search?q=zebrafinkmötet"); !bytes.Contains(body, []byte(`"total":0`)) {
		t.Errorf("search after remove: %s", body)
	}
	if _, err := os.Stat(original); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("original after remove: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v\n%s", err, logs.String())
	}

	// With the server stopped, remove opens the index itself.
	if err := testApp(io.Discard, io.Discard, nil).run(t.Context(), []string{"remove", "--index", dir, "styrgruppen-for-e-halsa-2025-12-02"}); err != nil {
		t.Errorf("remove --index: %v", err)
	}
	if err := testApp(io.Discard, io.Discard, nil).run(t.Context(), []string{"remove", "--index", dir, "../../etc"}); err == nil {
		t.Error("remove of a path succeeded")
	}
}
