package index

import (
	"context"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// fieldsTermQuery is one term in several fields, each with its boost:
// what a plain word compiles to (compile.go). It gives what bleve's
// disjunction of one term query per field gives, hits, scores (to the
// bit) and locations, by a cheaper road: bleve makes a DocumentMatch
// per field per hit, compares document ids as byte strings to merge the
// fields and converts every posting into a TermFieldDoc; here each
// segment's postings of the fields are merged by number and scored in
// one step. A word in a quarter of the archive is most of the work of a
// broad search.
type fieldsTermQuery struct {
	term   string
	fields []textFieldBoost
}

func (q *fieldsTermQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || opts.Explain || opts.Score == "none" || bm25(ctx) || synonymsIn(ctx) {
		return q.bleveQuery().Searcher(ctx, r, m, opts)
	}
	return newFieldsTermSearcher(snap, q, opts, onlyDocs(ctx))
}

// bleveQuery is the same search as bleve's own queries.
func (q *fieldsTermQuery) bleveQuery() query.Query {
	qs := make([]query.Query, len(q.fields))
	for i, f := range q.fields {
		t := termIn(q.term, f.name)
		t.SetBoost(f.boost)
		qs[i] = t
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// termField is the term in one field, with what scoring needs.
type termField struct {
	tfidf
	name string
	pls  []segment.PostingsList
	it   segment.PostingsIterator // in the current segment
	cur  segment.Posting          // its current posting; nil: none left
	num  uint64                   // cur's number; noDoc when none
}

const noDoc = math.MaxUint64

func (f *termField) set(p segment.Posting) {
	f.cur, f.num = p, noDoc
	if p != nil {
		f.num = p.Number()
	}
}

type fieldsTermSearcher struct {
	tfidfs // the fields' scores, in the fields' order
	term   string
	fields rarestFirst[*termField]
	locs   bool
	segs   []*scorch.SegmentSnapshot
	starts []uint64
	seg    int // current segment; len(segs) at the end
	opened bool
	last   int // with split: one past the last segment to read; 0: all
}

func (s *fieldsTermSearcher) end() int {
	if s.last > 0 {
		return s.last
	}
	return len(s.segs)
}

// split divides a searcher that has not begun into at most n searchers of
// consecutive segments, about equal in postings, that give together what
// it gives (the same scores: idf and weights are the snapshot's), so
// that a broad word's hits are read on every core (onepass.go).
func (s *fieldsTermSearcher) split(n int) []*fieldsTermSearcher {
	size := make([]uint64, len(s.segs))
	var total uint64
	for i := range s.segs {
		for _, f := range s.fields {
			if pl := f.pls[i]; pl != nil {
				size[i] += pl.Count()
			}
		}
		total += size[i]
	}
	var out []*fieldsTermSearcher
	from := 0
	var acc uint64
	for i := range s.segs {
		acc += size[i]
		if i == len(s.segs)-1 || (len(out) < n-1 && acc*uint64(n) >= total*uint64(len(out)+1)) {
			part := &fieldsTermSearcher{term: s.term, locs: s.locs, segs: s.segs, starts: s.starts, seg: from, last: i + 1}
			for _, f := range s.fields {
				g := *f
				g.it, g.cur, g.num = nil, nil, noDoc
				part.fields = append(part.fields, &g)
				part.tfidfs = append(part.tfidfs, &g.tfidf)
			}
			out = append(out, part)
			from = i + 1
		}
	}
	return out
}

func newFieldsTermSearcher(snap *scorch.IndexSnapshot, q *fieldsTermQuery, opts search.SearcherOptions, only []uint64) (search.Searcher, error) {
	s := &fieldsTermSearcher{term: q.term, locs: opts.IncludeTermVectors}
	total, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	s.segs, s.starts = segmentsOf(snap)
	wanted := wantedSegments(s.starts, only)
	for _, f := range q.fields {
		tf := &termField{tfidf: tfidf{boost: f.boost}, name: f.name}
		var count uint64
		if tf.pls, count, err = termPostings(s.segs, wanted, f.name, []byte(q.term)); err != nil {
			return nil, err
		}
		tf.setCount(count, total)
		s.fields = append(s.fields, tf)
	}
	sort.Sort(s.fields)
	for _, f := range s.fields {
		s.tfidfs = append(s.tfidfs, &f.tfidf)
	}
	s.SetQueryNorm(1.0 / math.Sqrt(s.Weight()))
	return s, nil
}

func (s *fieldsTermSearcher) Min() int                   { return 0 }
func (s *fieldsTermSearcher) Size() int                  { return 256 }
func (s *fieldsTermSearcher) DocumentMatchPoolSize() int { return len(s.fields) + 1 }
func (s *fieldsTermSearcher) Close() error               { return nil }

// openSegment positions every field's iterator on its first posting in
// segment i at or after local number from.
func (s *fieldsTermSearcher) openSegment(i int, from uint64) error {
	for _, f := range s.fields {
		f.it = nil
		f.set(nil)
		if pl := f.pls[i]; pl != nil && pl.Count() > 0 {
			f.it = pl.Iterator(true, true, s.locs, nil)
			p, err := f.it.Advance(from)
			if err != nil {
				return err
			}
			f.set(p)
		}
	}
	return nil
}

func (s *fieldsTermSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.opened {
		s.opened = true
		if len(s.segs) == 0 {
			return nil, nil
		}
		if err := s.openSegment(0, 0); err != nil {
			return nil, err
		}
	}
	return s.next(ctx)
}

// next is the hit at the fields' smallest current posting, moving past
// it, through the segments in order.
func (s *fieldsTermSearcher) next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, ok, err := s.least()
	if err != nil || !ok {
		return nil, err
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, s.starts[s.seg]+d)
	dm.Score, err = s.score(d, dm)
	return dm, err
}

// least is the smallest current posting's local number, in the current
// segment, moving to the next segments as they run out.
func (s *fieldsTermSearcher) least() (uint64, bool, error) {
	for s.seg < s.end() {
		least := uint64(noDoc)
		for _, f := range s.fields {
			least = min(least, f.num)
		}
		if least != noDoc {
			return least, true, nil
		}
		s.seg++
		if s.seg < s.end() {
			if err := s.openSegment(s.seg, 0); err != nil {
				return 0, false, err
			}
		}
	}
	return 0, false, nil
}

// score scores local document d of the current segment as bleve's
// disjunction of term searchers does, adds its term locations to dm
// when asked for, and moves its fields on.
func (s *fieldsTermSearcher) score(d uint64, dm *search.DocumentMatch) (float64, error) {
	var sum float64
	matched := 0
	for _, f := range s.fields {
		if f.num != d {
			continue
		}
		p := f.cur
		matched++
		sum += f.score(p.Frequency(), p.Norm())
		if s.locs && dm != nil {
			for _, l := range p.Locations() {
				dm.FieldTermLocations = append(dm.FieldTermLocations,
					search.FieldTermLocation{Field: l.Field(), Term: s.term, Location: location(l)})
			}
		}
		next, err := f.it.Next()
		if err != nil {
			return 0, err
		}
		f.set(next)
	}
	return sum * (float64(matched) / float64(len(s.fields))), nil
}

func (s *fieldsTermSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	n := id.Value()
	seg := s.seg
	for seg+1 < len(s.segs) && s.starts[seg+1] <= n {
		seg++
	}
	if !s.opened || seg != s.seg {
		s.opened, s.seg = true, seg
		if seg >= len(s.segs) {
			return nil, nil
		}
		if err := s.openSegment(seg, 0); err != nil {
			return nil, err
		}
	}
	if s.seg >= len(s.segs) {
		return nil, nil
	}
	if n >= s.starts[s.seg] {
		local := n - s.starts[s.seg]
		for _, f := range s.fields {
			if f.num != noDoc && f.num < local {
				p, err := f.it.Advance(local)
				if err != nil {
					return nil, err
				}
				f.set(p)
			}
		}
	}
	return s.next(ctx)
}
