package index

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestOnePassAgreesWithBleve compares the one-pass search with the
// bleve search it replaces on an index of several segments with deleted
// documents: without filters the same hits in the same order with the
// same scores; with filters and date ranges the same total and the same
// hits, in the order they have without the filters (filters no longer
// add to scores); the same facets (TestCountFacetsAgreesWithBleve checks
// those against bleve's own counting).
func TestOnePassAgreesWithBleve(t *testing.T) {
	ix := mixedIndex(t)
	for _, min := range []int{parallelMin, 1} {
		t.Run(fmt.Sprintf("parallel from %d postings or hits", min), func(t *testing.T) {
			defer func(n, m int) { parallelMin, pageSplitMin = n, m }(parallelMin, pageSplitMin)
			parallelMin, pageSplitMin = min, min
			onePassAgreesWithBleve(t, ix)
		})
	}
}

func onePassAgreesWithBleve(t *testing.T, ix *Index) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	both := func(r Request) (one, old *Result) {
		t.Helper()
		var err error
		if one, err = ix.Search(t.Context(), r); err != nil {
			t.Fatal(err)
		}
		useOnePass = false
		defer func() { useOnePass = true }()
		if old, err = ix.Search(t.Context(), r); err != nil {
			t.Fatal(err)
		}
		return one, old
	}
	queries := []string{"vård", `"God och Nära vård"`, "hemsjukvård avtal", "kommun -vård", "budget OR avtal", "titel:vård", "talare:schmitt"}
	compared := 0
	for _, q := range queries {
		for _, page := range []int{1, 2} {
			r := Request{Query: q, Size: 7, Page: page}
			one, old := both(r)
			if one.Total != old.Total || !slices.Equal(keys(one), keys(old)) || !slices.Equal(scores(one), scores(old)) {
				t.Errorf("%q page %d:\n one pass %d %v %v\n bleve    %d %v %v", q, page, one.Total, keys(one), scores(one), old.Total, keys(old), scores(old))
			}
			if fmt.Sprint(one.Hits) != fmt.Sprint(old.Hits) {
				t.Errorf("%q page %d: hits differ (fields or highlights):\n%v\n%v", q, page, one.Hits, old.Hits)
			}
			// without highlights: the same hits, unmarked
			r.SkipHighlights = true
			bare, oldBare := both(r)
			for i := range one.Hits {
				if len(one.Hits[i].Highlights) == 0 {
					continue
				}
				h := one.Hits[i]
				h.Highlights = map[string][]string{}
				if i >= len(bare.Hits) || fmt.Sprint(bare.Hits[i]) != fmt.Sprint(h) || fmt.Sprint(oldBare.Hits[i]) != fmt.Sprint(h) {
					t.Errorf("%q page %d, no highlights: hit %d\n%v\n%v\n%v", q, page, i, bare.Hits, oldBare.Hits, h)
				}
			}
			compared += len(one.Hits)
		}
		_, allScore := everyKey(t, ix, Request{Query: q})
		for _, r := range []Request{
			{Query: q, From: day("2000-01-01"), To: day("2015-12-31")},
			{Query: q, From: day("2023-10-26"), To: day("2023-10-26")},
			{Query: q, Filters: Filters{Kind: []string{"Information"}}},
			{Query: q, From: day("1995-01-01"), Filters: Filters{Kind: []string{"Information", "Beslut"}, Organ: []string{"Välfärdsrådet"}}},
			{Query: q, Filters: Filters{Year: []string{"2023", "2026", "2001"}, Decision: []string{"true"}}},
			{Query: q, Filters: Filters{Dnr: []string{"HSN 2026/371"}}},
		} {
			one, old := both(r)
			if one.Total != old.Total {
				t.Errorf("%q %+v: total %d, bleve %d", q, r, one.Total, old.Total)
			}
			if fmt.Sprint(one.Facets) != fmt.Sprint(old.Facets) {
				t.Errorf("%q %+v: facets differ:\n%v\n%v", q, r, one.Facets, old.Facets)
			}
			got, gotScore := everyKey(t, ix, r)
			fuzzy := map[string]bool{}
			if res, _ := ix.Search(t.Context(), r); res != nil && res.Fuzzy {
				for _, k := range got {
					fuzzy[k] = true
				}
			}
			useOnePass = false
			want, _ := everyKey(t, ix, r)
			useOnePass = true
			if !sameSet(got, want) {
				t.Errorf("%q %+v:\n one pass %v\n bleve    %v", q, r, got, want)
			}
			// filters narrow without scoring: each hit keeps its
			// unfiltered score, and scores fall down the list
			for i, k := range got {
				if fuzzy[k] {
					break // the fuzzy fallback: no unfiltered counterpart
				}
				if gotScore[k] != allScore[k] {
					t.Errorf("%q %+v: %s scores %v, unfiltered %v", q, r, k, gotScore[k], allScore[k])
				}
				if i > 0 && gotScore[k] > gotScore[got[i-1]] {
					t.Errorf("%q %+v: %s (%v) after %s (%v)", q, r, k, gotScore[k], got[i-1], gotScore[got[i-1]])
				}
			}
			compared += len(got)
		}
	}
	if compared < 300 {
		t.Fatalf("only %d hits compared", compared)
	}
}

// everyKey pages through every hit of r, with their scores.
func everyKey(t *testing.T, ix *Index, r Request) ([]string, map[string]float64) {
	t.Helper()
	var out []string
	score := map[string]float64{}
	for r.Page, r.Size, r.SkipFacets = 1, MaxSize, true; ; r.Page++ {
		res, err := ix.Search(t.Context(), r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, keys(res)...)
		for _, h := range res.Hits {
			score[h.MeetingID+"/"+h.Item] = h.Score
		}
		if len(res.Hits) < MaxSize {
			return out, score
		}
	}
}

func keys(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.MeetingID+"/"+h.Item)
	}
	return out
}

func scores(r *Result) []float64 {
	var out []float64
	for _, h := range r.Hits {
		out = append(out, h.Score)
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestWalkAgreesWithBleve: the walk in one pass (walk.go) gives the
// occurrences, mentions and decisions the walk through bleve's sorted
// rounds gives, in the same order.
func TestWalkAgreesWithBleve(t *testing.T) {
	ix := mixedIndex(t)
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	defer func(n int) { walkBatch = n }(walkBatch)
	for _, batch := range []int{7, 2000} { // several rounds; rounds read on both cores
		walkBatch = batch
		walkAgreesWithBleve(t, ix, day)
	}
}

func walkAgreesWithBleve(t *testing.T, ix *Index, day func(string) time.Time) {
	seen := 0
	for _, r := range []Request{
		{Query: `"God och Nära vård"`},
		{Query: "vård"},
		{Query: "kommun -vård", From: day("2000-01-01")},
		{Query: "hemsjukvård OR budget", Filters: Filters{Kind: []string{"Information"}}},
		{Query: "vård", From: day("1995-01-01"), To: day("2024-12-31"), Filters: Filters{Organ: []string{"Välfärdsrådet"}, Decision: []string{"true"}}},
		{Query: "att", Filters: Filters{Dnr: []string{"HSN 2026/371"}}},
		{Query: "inteettordxy"},
	} {
		var one, old []string
		for _, via := range []*[]string{&one, &old} {
			useOnePass = via == &one
			err := ix.Occurrences(t.Context(), r, func(o Occurrence) error {
				o.Score = 0 // filters add to bleve's, not to ours (onepass.go)
				*via = append(*via, fmt.Sprintf("%+v", o))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			n, err := ix.Mentions(t.Context(), r, func(m Mention) error {
				*via = append(*via, fmt.Sprintf("%+v", m))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			*via = append(*via, fmt.Sprint(n))
			err = ix.Decisions(t.Context(), r, func(d Decision) error {
				*via = append(*via, fmt.Sprintf("%+v", d))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		useOnePass = true
		if !slices.Equal(one, old) {
			for i := range min(len(one), len(old)) {
				if one[i] != old[i] {
					t.Fatalf("%+v: at %d of %d/%d:\n one pass %s\n bleve    %s", r, i, len(one), len(old), one[i], old[i])
				}
			}
			t.Fatalf("%+v: %d records, bleve %d", r, len(one), len(old))
		}
		seen += len(one)
	}
	if seen < 500 {
		t.Fatalf("only %d records compared", seen)
	}
}
