package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
)

// Facet columns: every document's facet values as small numbers, read
// from the doc values once per segment and kept while the segment is in
// the index, so that counting facets over the hits is an array walk
// instead of a doc-value visit (decompressing a chunk per field) per hit.
// Segments never change once written; a merge makes a new one, whose
// columns are read on the first facet search that meets it. The values'
// numbers are shared by all segments and only grow (a facet has few
// values: kinds, organs, speakers, years, months, true/false).

// facetTable is the Index's cache of columns.
type facetTable struct {
	mu    sync.Mutex
	ords  []map[string]uint32 // per facet: value -> number
	names [][]string          // per facet: number -> value
	segs  map[any]*segColumns // by segment
}

// segColumns holds one segment's columns: for facet f and local document
// d, its values are ord[f][off[f][d]:off[f][d+1]].
type segColumns struct {
	off [][]uint32
	ord [][]uint32
}

// snapColumns are the columns of one snapshot's segments, in its order,
// with the global number of each segment's first document.
type snapColumns struct {
	segs   []*segColumns
	starts []uint64
	names  [][]string
}

// columns returns the columns of snap's segments, reading those not yet
// read, and forgets segments no longer in it.
func (t *facetTable) columns(snap *scorch.IndexSnapshot) (*snapColumns, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ords == nil {
		t.ords = make([]map[string]uint32, len(facets))
		t.names = make([][]string, len(facets))
		for i := range facets {
			t.ords[i] = map[string]uint32{}
		}
	}
	out := &snapColumns{}
	keep := map[any]*segColumns{}
	var start uint64
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		c := t.segs[seg]
		if c == nil {
			var err error
			if c, err = t.read(snap, start, seg.Count()); err != nil {
				return nil, err
			}
		}
		keep[seg] = c
		out.segs = append(out.segs, c)
		out.starts = append(out.starts, start)
		start += seg.Count()
	}
	t.segs = keep
	out.names = make([][]string, len(facets))
	copy(out.names, t.names) // slices of what is there now: later values only append
	return out, nil
}

// read reads the columns of the n documents from global number start.
func (t *facetTable) read(snap *scorch.IndexSnapshot, start, n uint64) (*segColumns, error) {
	fields := make([]string, len(facets))
	byField := map[string]int{}
	for i, fc := range facets {
		fields[i] = fc.field
		byField[fc.field] = i
	}
	dvr, err := snap.DocValueReader(fields)
	if err != nil {
		return nil, err
	}
	c := &segColumns{off: make([][]uint32, len(facets)), ord: make([][]uint32, len(facets))}
	for i := range facets {
		c.off[i] = make([]uint32, n+1)
	}
	visit := func(field string, term []byte) {
		i, ok := byField[field]
		if !ok {
			return
		}
		o, ok := t.ords[i][string(term)]
		if !ok {
			o = uint32(len(t.names[i]))
			v := string(term)
			t.ords[i][v] = o
			t.names[i] = append(t.names[i], v)
		}
		c.ord[i] = append(c.ord[i], o)
	}
	var id index.IndexInternalID
	for d := range n {
		id = index.NewIndexInternalID(id, start+d)
		if err := dvr.VisitDocValues(id, visit); err != nil {
			return nil, err
		}
		for i := range facets {
			c.off[i][d+1] = uint32(len(c.ord[i]))
		}
	}
	return c, nil
}

// count counts the facets of the hits, as countFacets describes: next
// gives the global number of each hit in ascending order, ok false at
// the end.
func (sc *snapColumns) count(f Filters, next func() (uint64, bool, error)) (map[string][]FacetValue, error) {
	n := len(facets)
	chosen := make([][]bool, n)
	for i, fc := range facets {
		vs := fc.chosen(f)
		if len(vs) == 0 {
			continue
		}
		chosen[i] = make([]bool, len(sc.names[i]))
		for _, v := range vs {
			for o, name := range sc.names[i] {
				if name == v {
					chosen[i][o] = true
				}
			}
		}
	}
	counts := make([][]int, n)
	for i := range counts {
		counts[i] = make([]int, len(sc.names[i]))
	}
	pass := make([]bool, n)
	seg := 0
	for {
		g, ok, err := next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		for seg+1 < len(sc.starts) && g >= sc.starts[seg+1] {
			seg++
		}
		for seg > 0 && g < sc.starts[seg] { // not expected: hits come in order
			seg--
		}
		c, d := sc.segs[seg], g-sc.starts[seg]
		failed, failedAt := 0, -1
		for i := range n {
			if chosen[i] == nil {
				continue
			}
			pass[i] = false
			for _, o := range c.ord[i][c.off[i][d]:c.off[i][d+1]] {
				if chosen[i][o] {
					pass[i] = true
					break
				}
			}
			if !pass[i] {
				failed++
				failedAt = i
			}
		}
		if failed > 1 {
			continue
		}
		for i := range n {
			if failed == 0 || failedAt == i {
				for _, o := range c.ord[i][c.off[i][d]:c.off[i][d+1]] {
					counts[i][o]++
				}
			}
		}
	}
	out := make(map[string][]FacetValue, n)
	for i, fc := range facets {
		vs := []FacetValue{}
		for o, k := range counts[i] {
			if k > 0 {
				vs = append(vs, FacetValue{Value: sc.names[i][o], Count: k})
			}
		}
		out[fc.name] = topValues(fc, vs)
	}
	return out, nil
}
