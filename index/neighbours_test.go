package index

import (
	"testing"

	"motesarkiv/ingest"
)

func TestNeighbours(t *testing.T) {
	meeting := func(id, organ, date string) *ingest.Meeting {
		return &ingest.Meeting{ID: id, Organ: organ, MeetingDate: date,
			Items: []ingest.Item{{Number: "1", Title: "Mötets öppnande"}}}
	}
	extra := []*ingest.Meeting{
		meeting("valfardsradet-2024-05-02", "Välfärdsrådet", "2024-05-02"),
		meeting("valfardsradet-2024-05-02-2", "Välfärdsrådet", "2024-05-02"),
		meeting("annat-2025-01-01", "Annat råd", "2025-01-01"),
		meeting("odaterat", "Välfärdsrådet", ""),
	}
	ix := uiIndex(t, extra...)
	ids := func(m *ingest.Meeting) string {
		prev, next, err := ix.Neighbours(t.Context(), m)
		if err != nil {
			t.Fatal(err)
		}
		return prev.ID + " < " + next.ID
	}
	seed, err := ix.Meeting("valfardsradet-2026-04-09")
	if err != nil {
		t.Fatalf("seed meeting: %v", err)
	}
	tests := []struct {
		m    *ingest.Meeting
		want string
	}{
		{seed, "valfardsradet-2024-05-02-2 < "},
		{extra[0], "valfardsradet-2023-10-26 < valfardsradet-2024-05-02-2"},
		{extra[1], "valfardsradet-2024-05-02 < valfardsradet-2026-04-09"},
		{extra[2], " < "},
		{extra[3], " < "},
	}
	for _, tt := range tests {
		if got := ids(tt.m); got != tt.want {
			t.Errorf("neighbours of %s: %s, want %s", tt.m.ID, got, tt.want)
		}
	}
	prev, _, _ := ix.Neighbours(t.Context(), extra[0])
	if prev.Date != "2023-10-26" || prev.Organ != "Välfärdsrådet" {
		t.Errorf("prev %+v: want date and organ", prev)
	}
}
