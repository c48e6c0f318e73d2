package index

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDecisions(t *testing.T) {
	ix := uiIndex(t, synthetic("syn-2024-05-02", "2024-05-02", "s"))
	tests := []struct {
		name string
		r    Request
		want func(Decision) bool // every decision must satisfy it
		min  int
	}{
		{"all", Request{}, func(Decision) bool { return true }, 3},
		{"organ", Request{Filters: Filters{Organ: []string{"Välfärdsrådet"}}}, func(d Decision) bool { return d.Organ == "Välfärdsrådet" }, 1},
		{"dates", Request{From: isoDay("2024-01-01"), To: isoDay("2024-12-31")}, func(d Decision) bool { return d.MeetingDate == "2024-05-02" }, 1},
		{"query", Request{Query: "öppna"}, func(d Decision) bool { return d.Text != "" }, 1},
		{"decision filter ignored", Request{Filters: Filters{Decision: []string{"false"}}}, func(Decision) bool { return true }, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []Decision
			if err := ix.Decisions(t.Context(), tc.r, func(d Decision) error { got = append(got, d); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got) < tc.min {
				t.Fatalf("%d decisions, want at least %d", len(got), tc.min)
			}
			for _, d := range got {
				if !tc.want(d) || d.Text == "" || d.Index < 1 || d.URL != "/m/"+d.MeetingID+"#punkt-"+d.Item {
					t.Errorf("decision %+v", d)
				}
			}
			if !slices.IsSortedFunc(got, func(a, b Decision) int { return strings.Compare(a.MeetingDate, b.MeetingDate) }) {
				t.Errorf("decisions not in date order")
			}
		})
	}
}

func TestDecisionsNoCap(t *testing.T) {
	defer func(n int) { walkBatch = n }(walkBatch)
	walkBatch = 2
	ix := uiIndex(t)
	var small, n int
	walkBatch = 2
	if err := ix.Decisions(t.Context(), Request{}, func(Decision) error { small++; return nil }); err != nil {
		t.Fatal(err)
	}
	walkBatch = 500
	if err := ix.Decisions(t.Context(), Request{}, func(Decision) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if small != n || n == 0 {
		t.Errorf("%d decisions in rounds of 2, %d in rounds of 500", small, n)
	}
}

func TestDecisionsBadQuery(t *testing.T) {
	ix := uiIndex(t)
	err := ix.Decisions(t.Context(), Request{Query: `"unclosed`}, func(Decision) error { return nil })
	if err == nil {
		t.Fatal("no error for an unclosed quote")
	}
}

func isoDay(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}
