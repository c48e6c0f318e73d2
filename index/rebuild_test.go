package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"motesarkiv/ingest"
)

// TestRebuildSwapsWhileServing builds an index, makes it look built by an
// older binary, and rebuilds it: searches keep answering throughout,
// meetings written and removed meanwhile are carried over, the originals
// are parsed again, and the new generation holds the same meetings.
func TestRebuildSwapsWhileServing(t *testing.T) {
	root := filepath.Join(t.TempDir(), "index")
	originals := seedOriginals(t)
	l, err := OpenLive(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range originals {
		m, err := ingest.ReadFile(path, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m.Items[0].Title = "felparsad rubrik" // a parser bug the rebuild fixes
		put(t, l, m)
	}
	for i := range 450 { // three batches
		put(t, l, synthetic(fmt.Sprintf("syn-%03d", i), "2025-01-01", fmt.Sprint(i)))
	}
	if err := l.with(func(ix *Index) error { return ix.StampVersion("sv-0") }); err != nil {
		t.Fatal(err)
	}
	before := liveIDs(t, l)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	l, err = OpenLive(root)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if stale, err := l.Stale(); err != nil || !stale {
		t.Fatalf("Stale() = %v, %v after stamping an old version; want true", stale, err)
	}
	stop, searchErrs := searchAll(t, l)
	var calls int
	rep, err := l.Rebuild(t.Context(), reparseFrom(originals), func(done, total int) {
		calls++
		if calls != 1 {
			return
		}
		midRebuild(t, l, done, total)
	})
	stop()
	if err != nil {
		t.Fatal(err)
	}
	if n := searchErrs(); n != 0 {
		t.Errorf("%d searches failed during the rebuild", n)
	}
	if rep.Reparsed != len(originals) || len(rep.Errors) != 0 {
		t.Errorf("report %+v, want %d reparsed and no errors", rep, len(originals))
	}
	want := slices.DeleteFunc(append(before, "late-2026-05-01"), func(id string) bool { return id == "syn-000" })
	slices.Sort(want)
	if got := liveIDs(t, l); !slices.Equal(got, want) {
		t.Errorf("after the rebuild %d meetings, want %d; first %v", len(got), len(want), got[:3])
	}
	checkRebuilt(t, l, root)
}

// midRebuild runs while the rebuild writes its first batch: the old
// generation still answers, and takes a write and a removal.
func midRebuild(t *testing.T, l *Live, done, total int) {
	t.Helper()
	if !l.Rebuilding().Running() || done == 0 || done >= total {
		t.Errorf("mid rebuild: running %v, progress %d of %d", l.Rebuilding().Running(), done, total)
	}
	res, err := l.Search(t.Context(), Request{Query: "felparsad"})
	if err != nil || res.Total == 0 {
		t.Errorf("search of the old generation mid rebuild: %v hits, %v", res, err)
	}
	put(t, l, synthetic("late-2026-05-01", "2026-05-01", "late"))
	if err := l.Write([]string{"syn-000"}, func(ix *Index) error { return ix.drop("syn-000") }); err != nil {
		t.Fatal(err)
	}
}

// checkRebuilt checks the new generation and the folder.
func checkRebuilt(t *testing.T, l *Live, root string) {
	t.Helper()
	if stale, err := l.Stale(); err != nil || stale {
		t.Errorf("Stale() = %v, %v after the rebuild", stale, err)
	}
	res, err := l.Search(t.Context(), Request{Query: "felparsad"})
	if err != nil || res.Total != 0 {
		t.Errorf("the stored parse survived the rebuild: %+v, %v", res, err)
	}
	entries, _ := os.ReadDir(root)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != currentFile || !strings.HasPrefix(names[1], genPrefix) {
		t.Errorf("index folder holds %v, want current and one generation", names)
	}
	if done, total := l.Rebuilding().Progress(); done != total || total == 0 {
		t.Errorf("Progress() = %d, %d at the end", done, total)
	}
}

func put(t *testing.T, l *Live, m *ingest.Meeting) {
	t.Helper()
	if _, err := l.Put(m); err != nil {
		t.Fatalf("put %s: %v", m.ID, err)
	}
}

func liveIDs(t *testing.T, l *Live) []string {
	t.Helper()
	var ids []string
	err := l.with(func(ix *Index) (err error) {
		ids, err = ix.meetingIDs(context.Background())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

// seedOriginals are the real minutes by meeting id.
func seedOriginals(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../testdata/valfardsradet-*.txt")
	if err != nil || len(files) != 2 {
		t.Fatalf("seed files: %v, %v", files, err)
	}
	out := map[string]string{}
	for _, f := range files {
		m, err := ingest.ReadFile(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out[m.ID] = f
	}
	return out
}

func reparseFrom(originals map[string]string) Reparse {
	return func(stored *ingest.Meeting) (*ingest.Meeting, error) {
		path, ok := originals[stored.ID]
		if !ok {
			return nil, nil
		}
		return ingest.ReadFile(path, ingest.Options{})
	}
}

// searchAll searches l without pause until stop is called; failures
// reports how many searches failed.
func searchAll(t *testing.T, l *Live) (stop func(), failures func() int64) {
	var failed, n atomic.Int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			n.Add(1)
			if res, err := l.Search(context.Background(), Request{Query: "vård"}); err != nil || res.Total == 0 {
				failed.Add(1)
				t.Logf("search during rebuild: %v", err)
			}
		}
	}()
	return func() { close(done); wg.Wait(); t.Logf("%d searches during the rebuild", n.Load()) }, failed.Load
}

func TestOpenFollowsCurrent(t *testing.T) {
	root := t.TempDir()
	for _, tc := range []struct {
		current string
		ok      bool
	}{
		{"gen-1\n", true},
		{"../elsewhere", false},
		{"gen-1/../../x", false},
		{"store", false},
	} {
		if err := os.WriteFile(filepath.Join(root, currentFile), []byte(tc.current), 0o644); err != nil {
			t.Fatal(err)
		}
		dir, err := liveDir(root)
		if (err == nil) != tc.ok {
			t.Errorf("current %q: %q, %v", tc.current, dir, err)
		}
	}
}

// TestOpenLiveRemovesLeftovers: a generation a crashed rebuild left
// half-written is removed when the index is next opened for serving.
func TestOpenLiveRemovesLeftovers(t *testing.T) {
	root := filepath.Join(t.TempDir(), "index")
	l, err := OpenLive(root)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	half := filepath.Join(root, genPrefix+"crashed")
	if err := os.MkdirAll(filepath.Join(half, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if l, err = OpenLive(root); err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := os.Stat(half); !os.IsNotExist(err) {
		t.Errorf("the half-written generation is still there: %v", err)
	}
}
