package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

func TestTieBreak(t *testing.T) {
	dm := func(id string, score float64, date string, pos float64) *search.DocumentMatch {
		return &search.DocumentMatch{ID: id, Score: score,
			Fields: map[string]any{fieldMeetingDate: date, fieldPos: pos}}
	}
	hits := search.DocumentMatchCollection{
		dm("old/2", 1, "2023-10-26T00:00:00Z", 2),
		dm("best", 3, "2020-01-01T00:00:00Z", 0),
		dm("new/5", 1, "2026-04-09T00:00:00Z", 5),
		dm("old/1", 1, "2023-10-26T00:00:00Z", 1),
	}
	tieBreak(hits)
	var got []string
	for _, h := range hits {
		got = append(got, h.ID)
	}
	want := []string{"best", "new/5", "old/1", "old/2"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

func TestSkipFacets(t *testing.T) {
	ix := seedIndex(t)
	with, err := ix.Search(t.Context(), Request{Query: "vård"})
	if err != nil {
		t.Fatal(err)
	}
	without, err := ix.Search(t.Context(), Request{Query: "vård", SkipFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(without.Facets) != 0 || len(with.Facets) == 0 {
		t.Errorf("facets with %d, without %d", len(with.Facets), len(without.Facets))
	}
	if with.Total != without.Total || len(with.Hits) != len(without.Hits) {
		t.Errorf("hits differ: %d/%d vs %d/%d", with.Total, len(with.Hits), without.Total, len(without.Hits))
	}
}
