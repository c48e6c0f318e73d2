package index

import (
	"errors"
	"testing"
)

func TestRemove(t *testing.T) {
	ix, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	m := synthetic("valfardsradet-2026-01-15", "2026-01-15", "a")
	if _, err := ix.Put(m); err != nil {
		t.Fatal(err)
	}
	before, _ := ix.DocCount()
	if err := ix.Remove(m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Meeting(m.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Meeting after Remove: %v, want ErrNotFound", err)
	}
	if n, _ := ix.MeetingCount(); n != 0 {
		t.Errorf("MeetingCount after Remove = %d", n)
	}
	if n, _ := ix.DocCount(); n != 0 || before == 0 {
		t.Errorf("DocCount %d before, %d after Remove", before, n)
	}
	res, err := ix.Search(t.Context(), Request{Query: "hemsjukvård"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Errorf("search after Remove: %d hits", res.Total)
	}
	if err := ix.Remove(m.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Remove: %v, want ErrNotFound", err)
	}
}
