package index

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// seedIndex is an index of the two real Välfärdsrådet minutes.
func seedIndex(t *testing.T) *Index {
	t.Helper()
	return uiIndex(t)
}

// hitKeys are "YYYY-MM-DD/item" of every hit, all pages, sorted.
func hitKeys(t *testing.T, ix *Index, r Request) []string {
	t.Helper()
	r.Size = MaxSize
	res, err := ix.Search(t.Context(), r)
	if err != nil {
		t.Fatalf("search %+v: %v", r, err)
	}
	if res.Total > MaxSize {
		t.Fatalf("search %+v: %d hits, more than one page", r, res.Total)
	}
	var keys []string
	for _, h := range res.Hits {
		keys = append(keys, h.MeetingDate+"/"+h.Item)
	}
	sort.Strings(keys)
	return keys
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

var phraseHits = []string{"2023-10-26/6", "2023-10-26/9", "2026-04-09/6a", "2026-04-09/7", "2026-04-09/9"}

func TestSeedSearches(t *testing.T) {
	ix := seedIndex(t)
	tests := []struct {
		name  string
		r     Request
		exact []string // the hits, exactly
		onlyY string   // every hit is from this year
	}{
		{name: "phrase in any case and across line breaks", r: Request{Query: `"God och Nära vård"`}, exact: phraseHits},
		{name: "phrase lower case", r: Request{Query: `"god och nära vård"`}, exact: phraseHits},
		{name: "speaker filter", r: Request{Filters: Filters{Speaker: []string{"Annika Schmitt"}}}, exact: []string{"2026-04-09/9"}},
		{name: "from date", r: Request{From: day("2026-01-01")}, onlyY: "2026"},
		{name: "to date inclusive", r: Request{To: day("2023-10-26")}, onlyY: "2023"},
		{name: "date prefix in query", r: Request{Query: "datum:2023 beslutade"}, onlyY: "2023"},
		{name: "parentheses", r: Request{Query: "(minimaria OR hemsjukvårdsavtalet) datum:2026"}, onlyY: "2026"},
		{name: "open date range", r: Request{Query: "beslutade datum:..2023-12"}, onlyY: "2023"},
		{name: "speaker prefix", r: Request{Query: `talare:"Annika Schmitt"`}, exact: []string{"2026-04-09/9"}},
		{name: "excluded word", r: Request{Query: `"god och nära vård" -lpo`}, exact: []string{"2023-10-26/6", "2023-10-26/9", "2026-04-09/6a"}}, // 7 and 9 name LPO
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hitKeys(t, ix, tt.r)
			if tt.exact != nil && !slices.Equal(got, tt.exact) {
				t.Errorf("hits = %v\nwant %v", got, tt.exact)
			}
			if tt.onlyY != "" {
				if len(got) == 0 {
					t.Fatal("no hits")
				}
				for _, k := range got {
					if !strings.HasPrefix(k, tt.onlyY) {
						t.Errorf("hit %s outside %s", k, tt.onlyY)
					}
				}
			}
		})
	}
}

func TestWordsFindAtLeastThePhrase(t *testing.T) {
	ix := seedIndex(t)
	got := hitKeys(t, ix, Request{Query: "god vård"})
	for _, want := range phraseHits {
		if !slices.Contains(got, want) {
			t.Errorf("god vård misses %s (hits %v)", want, got)
		}
	}
}

// TestFacetCountsAreFilterTotals walks every value of every facet: the
// count a facet shows for a value is the total that choosing it gives.
func TestFacetCountsAreFilterTotals(t *testing.T) {
	ix := seedIndex(t)
	for _, q := range []string{"", "vård", `"god och nära vård"`, "beslutade"} {
		res, err := ix.Search(t.Context(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		for name, values := range res.Facets {
			for _, v := range values {
				r := Request{Query: q}
				setFilter(&r.Filters, name, v.Value)
				got, err := ix.Search(t.Context(), r)
				if err != nil {
					t.Fatal(err)
				}
				if int(got.Total) != v.Count {
					t.Errorf("q=%q %s=%s: facet says %d, filter gives %d", q, name, v.Value, v.Count, got.Total)
				}
			}
		}
	}
}

func TestFacetsAreDisjunctive(t *testing.T) {
	ix := seedIndex(t)
	all, err := ix.Search(t.Context(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	one, err := ix.Search(t.Context(), Request{Filters: Filters{Speaker: []string{"Annika Schmitt"}}})
	if err != nil {
		t.Fatal(err)
	}
	if one.Total != 1 {
		t.Errorf("speaker filter total = %d, want 1", one.Total)
	}
	if !slices.Equal(all.Facets["speaker"], one.Facets["speaker"]) {
		t.Errorf("speaker facet changed under its own filter:\n%v\n%v", all.Facets["speaker"], one.Facets["speaker"])
	}
	if len(one.Facets["speaker"]) < 5 {
		t.Errorf("speaker facet lists %d speakers, want the others too", len(one.Facets["speaker"]))
	}
	if got := one.Facets["year"]; len(got) != 1 || got[0] != (FacetValue{"2026", 1}) {
		t.Errorf("year facet under the speaker filter = %v, want [2026:1]", got)
	}
	// Two speakers of one facet combine with OR.
	two, err := ix.Search(t.Context(), Request{Filters: Filters{Speaker: []string{"Annika Schmitt", "Beat Axå"}}})
	if err != nil {
		t.Fatal(err)
	}
	if two.Total <= one.Total {
		t.Errorf("two speakers gave %d hits, one gave %d", two.Total, one.Total)
	}
}

func TestMonthHistogramSpansTheHits(t *testing.T) {
	ix := seedIndex(t)
	res, err := ix.Search(t.Context(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	months := res.Facets["month"]
	if len(months) == 0 || months[0].Value != "2023-10" || months[len(months)-1].Value != "2026-04" {
		t.Fatalf("months = %v, want 2023-10 … 2026-04", months)
	}
	if len(months) != 31 {
		t.Errorf("%d months, want 31 (every month from 2023-10 to 2026-04)", len(months))
	}
}

func setFilter(f *Filters, name, v string) {
	switch name {
	case "kind":
		f.Kind = []string{v}
	case "speaker":
		f.Speaker = []string{v}
	case "organ":
		f.Organ = []string{v}
	case "year":
		f.Year = []string{v}
	case "month":
		f.Month = []string{v}
	case "decision":
		f.Decision = []string{v}
	default:
		panic(fmt.Sprintf("unknown facet %s", name))
	}
}
