package index

import (
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// TestLiveSwapUnderNestedCall swaps generations while a call on the old
// one is under way and makes another call from inside it, as a mention
// list reads meetings from inside its walk: neither may wait on the
// other, and the old generation closes once the outer call returns.
func TestLiveSwapUnderNestedCall(t *testing.T) {
	root := filepath.Join(t.TempDir(), "index")
	l, err := OpenLive(root)
	if err != nil {
		t.Fatal(err)
	}
	put(t, l, synthetic("m-2026-01-01", "2026-01-01", "a"))
	next, err := openProfile(filepath.Join(root, genPrefix+"test"), profileOurs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := next.Put(synthetic("m-2026-01-01", "2026-01-01", "a")); err != nil {
		t.Fatal(err)
	}
	old := l.cur.Load()
	swapped := make(chan error, 1)
	done := make(chan error, 1)
	go func() {
		done <- l.with(func(*Index) error {
			go func() { swapped <- l.swap(next) }()
			for l.cur.Load() == old { // the swap has begun and waits for us
				time.Sleep(time.Millisecond)
			}
			_, err := l.Meeting("m-2026-01-01") // nested: goes to the new generation
			return err
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a call made inside another waited on the swap")
	}
	if err := <-swapped; err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Meeting("m-2026-01-01"); !errors.Is(err, ErrClosed) {
		t.Errorf("Meeting after Close: %v, want ErrClosed", err)
	}
	if err := l.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
