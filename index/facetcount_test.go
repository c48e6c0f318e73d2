package index

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"motesarkiv/ingest"
)

// bleveFacets counts the facets as Search did before countFacets: bleve's
// facet builders over the filtered hits, and the query run again for
// each chosen facet without its own filter. countFacets must agree.
func bleveFacets(t *testing.T, ix *Index, r Request) map[string][]FacetValue {
	t.Helper()
	r, err := normalise(r)
	if err != nil {
		t.Fatal(err)
	}
	base, err := ix.baseQuery(r)
	if err != nil {
		t.Fatal(err)
	}
	filters := filterQueries(r.Filters)
	out := map[string][]FacetValue{}
	for _, fc := range facets {
		except := ""
		if _, chosen := filters[fc.name]; chosen {
			except = fc.name
		}
		req := bleve.NewSearchRequestOptions(withFilters(base, filters, except), 0, 0, false)
		req.AddFacet(fc.name, bleve.NewFacetRequest(fc.field, fc.size))
		res, err := ix.bleve.SearchInContext(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		out[fc.name] = facetValuesOf(fc, res.Facets[fc.name])
	}
	return out
}

func facetValuesOf(fc facet, fr *search.FacetResult) []FacetValue {
	out := []FacetValue{}
	if fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			out = append(out, FacetValue{Value: t.Term, Count: t.Count})
		}
	}
	return fc.order(out)
}

func TestCountFacetsAgreesWithBleve(t *testing.T) {
	ix := mixedIndex(t) // several segments, deleted documents
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var speakers, years, months []string
	res, err := ix.Search(t.Context(), Request{Query: "vård"})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Facets["speaker"] {
		speakers = append(speakers, v.Value)
	}
	for _, v := range res.Facets["year"] {
		years = append(years, v.Value)
	}
	for _, v := range res.Facets["month"] {
		if v.Count > 0 {
			months = append(months, v.Value)
		}
	}
	if len(speakers) < 3 || len(years) < 20 || len(months) < 20 {
		t.Fatalf("too few values to test with: %v %v %v", speakers, years, months)
	}
	for _, r := range []Request{
		{},
		{Query: "vård"},
		{Query: `"God och Nära vård"`},
		{Query: "-vård"},
		{Query: "nomatchwordatall"},
		{Query: "vård", From: day("2000-01-01"), To: day("2020-12-31")},
		{Query: "vård", Filters: Filters{Kind: []string{"Information"}}},
		{Query: "vård", From: day("2000-01-01"), To: day("2020-12-31"),
			Filters: Filters{Kind: []string{"Information"}, Organ: []string{"Välfärdsrådet"}}},
		{Query: "vård", Filters: Filters{Speaker: speakers[:2], Year: []string{years[1], years[5], years[10]}}},
		{Query: "", Filters: Filters{Speaker: speakers[1:3], Decision: []string{"true"}, Month: []string{months[3], months[12]}}},
		{Query: "vård", Filters: Filters{Kind: []string{"Information", "Beslut"}, Speaker: speakers[:1],
			Year: years[:10], Decision: []string{"false"}}},
		{Query: "att", Filters: Filters{Dnr: []string{"HSN 2026/371"}, Kind: []string{"Information"}}},
		{Query: "", Filters: Filters{Dnr: []string{"HSN 2026/371", "2023/79"}, Speaker: speakers[:2], Year: years[:20]}},
		{Query: "", Filters: Filters{Organ: []string{"Välfärdsrådet"}, Kind: []string{"Information"},
			Speaker: speakers[:3], Year: years[:30], Month: months[:30], Decision: []string{"true"}}},
	} {
		want := bleveFacets(t, ix, r)
		// the pass of its own, which Search skips for a phrase with no
		// facet filter
		nr, _ := normalise(r)
		base, err := ix.baseQuery(nr)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := ix.countFacets(t.Context(), base, r.Filters); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: countFacets = %v, %v\nwant %v", r, got, err, want)
		}
		for _, columns := range []bool{true, false} {
			useFacetColumns = columns
			res, err := ix.Search(t.Context(), r)
			useFacetColumns = true
			if err != nil {
				t.Fatalf("%+v: %v", r, err)
			}
			if testing.Verbose() {
				t.Logf("%d hits, kinds %v, years %d, speakers %d", res.Total, want["kind"], len(want["year"]), len(want["speaker"]))
			}
			if !reflect.DeepEqual(res.Facets, want) {
				t.Errorf("%+v (columns %v):\n got %v\nwant %v", r, columns, res.Facets, want)
			}
		}
	}
}

// Facet searches while batches are written share the column cache.
func TestCountFacetsWhileWriting(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ms := benchMeetings(t)
	if _, err := ix.PutAll(ms[:10]); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	for range 3 {
		go func() {
			for range 20 {
				if _, err := ix.Search(context.Background(), Request{Query: "vård",
					Filters: Filters{Kind: []string{"Information"}, Organ: []string{"Välfärdsrådet"}}}); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for _, part := range [][]*ingest.Meeting{ms[10:30], ms[30:50], ms[50:]} {
		if _, err := ix.PutAll(part); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	want := bleveFacets(t, ix, Request{Query: "vård"})
	res, err := ix.Search(t.Context(), Request{Query: "vård"})
	if err != nil || !reflect.DeepEqual(res.Facets, want) {
		t.Fatalf("after the writes: %v, %v; want %v", res.Facets, err, want)
	}
}
