package index

import (
	"math"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/numeric"

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
	// meeting ids, numbered as the facet values are
	midOrds  map[string]uint32
	midNames []string
}

// segColumns holds one segment's columns: for facet f and local document
// d, its values are ord[f][off[f][d]:off[f][d+1]].
type segColumns struct {
	off  [][]uint32
	ord  [][]uint32
	date []int64 // meeting date in Unix nanoseconds; MinInt64 when none
	// The rest of the walk's order (walk.go): meeting id (a number into
	// facetTable.mids) and agenda position.
	mid []uint32
	pos []float64
}

// snapColumns are the columns of one snapshot's segments, in its order,
// with the global number of each segment's first document.
type snapColumns struct {
	segs   []*segColumns
	starts []uint64
	names  [][]string
	mids   []string
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
		t.midOrds = map[string]uint32{}
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
	out.mids = t.midNames
	return out, nil
}

// read reads the columns of the n documents from global number start.
func (t *facetTable) read(snap *scorch.IndexSnapshot, start, n uint64) (*segColumns, error) {
	fields := make([]string, len(facets), len(facets)+1)
	byField := map[string]int{}
	for i, fc := range facets {
		fields[i] = fc.field
		byField[fc.field] = i
	}
	fields = append(fields, fieldMeetingDate, fieldMeetingID, fieldPos)
	dvr, err := snap.DocValueReader(fields)
	if err != nil {
		return nil, err
	}
	c := &segColumns{off: make([][]uint32, len(facets)), ord: make([][]uint32, len(facets)),
		date: make([]int64, n), mid: make([]uint32, n), pos: make([]float64, n)}
	for i := range facets {
		c.off[i] = make([]uint32, n+1)
	}
	var day int64
	var mid uint32
	var pos float64
	visit := func(field string, term []byte) {
		switch field {
		case fieldMeetingID:
			o, ok := t.midOrds[string(term)]
			if !ok {
				o = uint32(len(t.midNames))
				t.midOrds[string(term)] = o
				t.midNames = append(t.midNames, string(term))
			}
			mid = o
			return
		case fieldPos:
			if shift, err := numeric.PrefixCoded(term).Shift(); err == nil && shift == 0 {
				if v, err := numeric.PrefixCoded(term).Int64(); err == nil {
					pos = numeric.Int64ToFloat64(v)
				}
			}
			return
		}
		if field == fieldMeetingDate {
			// the full-precision term among the date's prefix-coded ones
			if shift, err := numeric.PrefixCoded(term).Shift(); err == nil && shift == 0 {
				if v, err := numeric.PrefixCoded(term).Int64(); err == nil {
					day = v
				}
			}
			return
		}
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
		day, mid, pos = math.MinInt64, math.MaxUint32, math.Inf(1)
		if err := dvr.VisitDocValues(id, visit); err != nil {
			return nil, err
		}
		c.date[d], c.mid[d], c.pos[d] = day, mid, pos
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
	t := sc.newFacetTally(f, time.Time{}, time.Time{}, true)
	for {
		g, ok, err := next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return t.facets(), nil
		}
		t.add(g)
	}
}

// facetTally decides hit by hit, from the columns, whether a hit is in the
// date range and has a chosen value of every filtered facet, and counts
// each facet over the hits that pass every filter but its own
// (disjunctive faceting, as countFacets describes).
type facetTally struct {
	sc       *snapColumns
	chosen   [][]bool // per facet, per value number: chosen; nil: facet not filtered
	counts   [][]int  // per facet, per value number; nil: not counting
	pass     []bool
	from, to int64 // meeting date range in Unix nanoseconds, inclusive
	seg      int
}

func (sc *snapColumns) newFacetTally(f Filters, from, to time.Time, count bool) *facetTally {
	n := len(facets)
	t := &facetTally{sc: sc, chosen: make([][]bool, n), pass: make([]bool, n), from: math.MinInt64, to: math.MaxInt64}
	if !from.IsZero() {
		t.from = from.UnixNano()
	}
	if !to.IsZero() {
		t.to = to.UnixNano()
	}
	for i, fc := range facets {
		vs := fc.chosen(f)
		if len(vs) == 0 {
			continue
		}
		t.chosen[i] = make([]bool, len(sc.names[i]))
		for _, v := range vs {
			for o, name := range sc.names[i] {
				if name == v {
					t.chosen[i][o] = true
				}
			}
		}
	}
	if count {
		t.counts = make([][]int, n)
		for i := range t.counts {
			t.counts[i] = make([]int, len(sc.names[i]))
		}
	}
	return t
}

// fresh is a tally like t, with nothing counted, for another part of
// the same hits.
func (t *facetTally) fresh() *facetTally {
	u := &facetTally{sc: t.sc, chosen: t.chosen, pass: make([]bool, len(t.pass)), from: t.from, to: t.to}
	if t.counts != nil {
		u.counts = make([][]int, len(t.counts))
		for i := range t.counts {
			u.counts[i] = make([]int, len(t.counts[i]))
		}
	}
	return u
}

// merge adds u's counts to t's.
func (t *facetTally) merge(u *facetTally) {
	for i := range t.counts {
		for o, n := range u.counts[i] {
			t.counts[i][o] += n
		}
	}
}

// add takes the hit with global number g (hits come in ascending order)
// and reports whether it passes the date range and every filter.
func (t *facetTally) add(g uint64) bool {
	sc := t.sc
	for t.seg+1 < len(sc.starts) && g >= sc.starts[t.seg+1] {
		t.seg++
	}
	for t.seg > 0 && g < sc.starts[t.seg] { // not expected: hits come in order
		t.seg--
	}
	c, d := sc.segs[t.seg], g-sc.starts[t.seg]
	if day := c.date[d]; day < t.from || day > t.to {
		return false
	}
	failed, failedAt := 0, -1
	for i, chosen := range t.chosen {
		if chosen == nil {
			continue
		}
		t.pass[i] = false
		for _, o := range c.ord[i][c.off[i][d]:c.off[i][d+1]] {
			if chosen[o] {
				t.pass[i] = true
				break
			}
		}
		if !t.pass[i] {
			failed++
			failedAt = i
		}
	}
	if failed > 1 || t.counts == nil {
		return failed == 0
	}
	for i := range t.counts {
		if failed == 0 || failedAt == i {
			for _, o := range c.ord[i][c.off[i][d]:c.off[i][d+1]] {
				t.counts[i][o]++
			}
		}
	}
	return failed == 0
}

// facets are the counts, each facet's top values in its order.
func (t *facetTally) facets() map[string][]FacetValue {
	out := make(map[string][]FacetValue, len(facets))
	for i, fc := range facets {
		vs := []FacetValue{}
		for o, k := range t.counts[i] {
			if k > 0 {
				vs = append(vs, FacetValue{Value: t.sc.names[i][o], Count: k})
			}
		}
		out[fc.name] = topValues(fc, vs)
	}
	return out
}
