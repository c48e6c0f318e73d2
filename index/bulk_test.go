package index

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"motesarkiv/ingest"
)

// TestPutAllAtOnce: PutAll calls made at once, as a bulk ingest makes
// them, write what the same calls one after the other would: calls with
// no meeting in common both land, and a meeting in both is added by one
// and replaced by the other, with no item of the first left behind.
func TestPutAllAtOnce(t *testing.T) {
	ix := openTemp(t)
	batches := make([][]*ingest.Meeting, 4)
	for b := range batches {
		for i := range 5 {
			id := fmt.Sprintf("m%d-2026-01-%02d", b, i+1)
			batches[b] = append(batches[b], synthetic(id, "2026-01-01", id))
		}
		// Every batch also writes one shared meeting, each its own version.
		batches[b] = append(batches[b], synthetic("delad-2026-02-01", "2026-02-01", fmt.Sprint("v", b)))
	}
	outcomes := make([][]Outcome, len(batches))
	var wg sync.WaitGroup
	for b, ms := range batches {
		wg.Go(func() {
			var err error
			if outcomes[b], err = ix.PutAll(ms); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	var shared []Outcome
	for b := range batches {
		for i, o := range outcomes[b] {
			if i < 5 && o != Added {
				t.Errorf("batch %d meeting %d: %v, want added", b, i, o)
			}
		}
		shared = append(shared, outcomes[b][5])
	}
	slices.Sort(shared)
	if want := []Outcome{Added, Replaced, Replaced, Replaced}; !slices.Equal(shared, want) {
		t.Errorf("shared meeting: %v, want %v", shared, want)
	}
	if n, err := ix.MeetingCount(); err != nil || n != 21 {
		t.Errorf("MeetingCount = %d, %v; want 21", n, err)
	}
	res, err := ix.Search(t.Context(), Request{Query: "delpunkt"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 21 {
		t.Errorf("%d hits for one item in each of 21 meetings", res.Total)
	}
}
