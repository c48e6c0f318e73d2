package index

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// countFacets counts every facet in one pass over the hits, reading each
// hit's six facet values from the segment's facet columns
// (facetcolumns.go), or, on an index other than scorch's, from its doc
// values in one visit. Like the counts it replaces, it searches a
// snapshot of its own: counts and hits may differ by a batch written
// between the two. It gives the
// counts bleve's facet builders gave, without their cost: bleve counted
// the unchosen facets over the filtered hits and then ran the whole query
// again once per chosen facet (disjunctive faceting), and its builders
// made a string of every value of every hit.
//
// The pass walks base AND every filter that is not a facet (dnr) AND at
// least all but one of the chosen facet filters, unscored; a hit is
// counted for a facet when it passes every chosen filter but that facet's
// own, decided from the same doc values the filters' terms were indexed
// with (keyword fields: one term per value, docValues = indexed terms).
func (ix *Index) countFacets(ctx context.Context, base query.Query, f Filters) (map[string][]FacetValue, error) {
	n := len(facets)
	chosen := make([]map[string]bool, n)
	var filterQs []query.Query
	for i, fc := range facets {
		if vs := fc.chosen(f); len(vs) > 0 {
			chosen[i] = map[string]bool{}
			for _, v := range vs {
				chosen[i][v] = true
			}
			filterQs = append(filterQs, keywordQuery(fc.field, vs))
		}
	}
	qs := []query.Query{base}
	if len(f.Dnr) > 0 {
		qs = append(qs, keywordQuery(fieldDnr, f.Dnr))
	}
	if len(filterQs) >= 2 {
		d := bleve.NewDisjunctionQuery(filterQs...)
		d.SetMin(float64(len(filterQs) - 1))
		qs = append(qs, d)
	}
	q := query.Query(bleve.NewConjunctionQuery(qs...))

	reader, snap, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer reader.Close()
	s, err := q.Searcher(ctx, reader, ix.bleve.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, fmt.Errorf("count facets: %w", err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: reader}
	if snap != nil && useFacetColumns {
		cols, err := ix.facetTab.columns(snap)
		if err != nil {
			return nil, fmt.Errorf("count facets: %w", err)
		}
		k := 0
		return cols.count(f, func() (uint64, bool, error) {
			if k++; k%1024 == 0 && ctx.Err() != nil {
				return 0, false, ctx.Err()
			}
			dm, err := s.Next(sctx)
			if err != nil || dm == nil {
				return 0, false, err
			}
			g := dm.IndexInternalID.Value()
			sctx.DocumentMatchPool.Put(dm)
			return g, true, nil
		})
	}
	fields := make([]string, n)
	byField := map[string]int{}
	for i, fc := range facets {
		fields[i] = fc.field
		byField[fc.field] = i
	}
	dvr, err := reader.DocValueReader(fields)
	if err != nil {
		return nil, err
	}

	counts := make([]map[string]*int, n)
	for i := range counts {
		counts[i] = map[string]*int{}
	}
	seen := make([][]*int, n) // this hit's values, per facet
	pass := make([]bool, n)   // this hit has a chosen value of the facet
	visit := func(field string, term []byte) {
		i, ok := byField[field]
		if !ok {
			return
		}
		c := counts[i][string(term)]
		if c == nil {
			c = new(int)
			counts[i][string(term)] = c
		}
		seen[i] = append(seen[i], c)
		if chosen[i] != nil && chosen[i][string(term)] {
			pass[i] = true
		}
	}
	for k := 0; ; k++ {
		if k%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, fmt.Errorf("count facets: %w", err)
		}
		if dm == nil {
			break
		}
		for i := range n {
			seen[i], pass[i] = seen[i][:0], false
		}
		if err := dvr.VisitDocValues(dm.IndexInternalID, visit); err != nil {
			return nil, fmt.Errorf("count facets: %w", err)
		}
		sctx.DocumentMatchPool.Put(dm)
		failed, failedAt := 0, -1
		for i := range n {
			if chosen[i] != nil && !pass[i] {
				failed++
				failedAt = i
			}
		}
		for i := range n {
			// counted as if the facet's own values were not chosen
			if failed == 0 || (failed == 1 && failedAt == i) {
				for _, c := range seen[i] {
					*c++
				}
			}
		}
	}
	out := make(map[string][]FacetValue, n)
	for i, fc := range facets {
		vs := []FacetValue{}
		for v, c := range counts[i] {
			if *c > 0 {
				vs = append(vs, FacetValue{Value: v, Count: *c})
			}
		}
		out[fc.name] = topValues(fc, vs)
	}
	return out, nil
}

// useFacetColumns is false only in the test that checks the doc-value
// path, which an index other than scorch would take.
var useFacetColumns = true

// topValues are the fc.size most frequent of the counted values vs, as
// bleve's terms facet picks them (count descending, then value), in the
// facet's order.
func topValues(fc facet, vs []FacetValue) []FacetValue {
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].Count != vs[j].Count {
			return vs[i].Count > vs[j].Count
		}
		return vs[i].Value < vs[j].Value
	})
	return fc.order(vs[:min(len(vs), fc.size)])
}
