package index

import (
	"errors"
	"testing"
	"time"
)

// TestMentionsStop: a walk ended early, by ErrStop or an error, ends
// with no error for ErrStop, fn's error otherwise, whether it ends while
// the loaders are still busy or on the last hit.
func TestMentionsStop(t *testing.T) {
	ix := mixedIndex(t)
	defer func(n int) { walkBatch = n }(walkBatch)
	r := Request{Query: "vård OR beslut"}
	for _, batch := range []int{7, 2000} { // few hits queued while searching, or all
		walkBatch = batch
		all, err := ix.Mentions(t.Context(), r, func(Mention) error { return nil })
		if err != nil || all < 100 {
			t.Fatalf("Mentions = %d, %v", all, err)
		}
		for _, stopAt := range []int{1, 50, all} {
			for _, stop := range []error{ErrStop, errors.New("client gone")} {
				seen := 0
				n, err := ix.Mentions(t.Context(), r, func(Mention) error {
					if seen++; seen == stopAt {
						return stop
					}
					return nil
				})
				if want := error(nil); stop != ErrStop {
					want = stop
					if !errors.Is(err, want) {
						t.Errorf("stop at %d with %v: error %v", stopAt, stop, err)
					}
				} else if err != want {
					t.Errorf("stop at %d with ErrStop: error %v", stopAt, err)
				}
				if n != stopAt || seen != stopAt {
					t.Errorf("stop at %d: %d mentions, %d seen", stopAt, n, seen)
				}
			}
		}
	}
}

// TestMentionsBadRequest: Mentions refuses what a walk refuses, a date
// range that ends before it begins.
func TestMentionsBadRequest(t *testing.T) {
	ix := mixedIndex(t)
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	_, err := ix.Mentions(t.Context(), Request{Query: "vård", From: day, To: day.AddDate(0, 0, -1)}, func(Mention) error { return nil })
	if err == nil {
		t.Fatal("Mentions with from after to: no error")
	}
}
