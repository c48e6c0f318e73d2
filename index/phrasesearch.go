package index

import (
	"context"
	"math"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// phraseQuery finds words at neighbouring positions of one field, as
// bleve's PhraseQuery does, with the same hits, scores and locations,
// but by a cheaper road (docs/performance.md, "own phrase searcher").
//
// bleve's phrase searcher is a conjunction of term searchers: for every
// item that holds all the words in the field it decodes every word's
// positions, builds a map of them and a DocumentMatch, and only then
// looks for the words side by side. A phrase such as "God och Nära vård"
// has "och" in almost every item, so most of that work is decoding the
// positions of "och" and throwing the map away. Here the items that hold
// every word are found by intersecting the posting bitmaps, the words'
// positions are read rarest word first, and a word is read only while
// the rarer ones still line up: "och" is decoded only where "god",
// "nära" and "vård" already stand in phrase order.
type phraseQuery struct {
	terms []string // "" leaves a position empty (a stop word)
	field string
	boost float64
}

func newPhraseQuery(terms []string, field string) *phraseQuery {
	return &phraseQuery{terms: terms, field: field, boost: 1}
}

func (q *phraseQuery) SetBoost(b float64) { q.boost = b }
func (q *phraseQuery) Boost() float64     { return q.boost }
func (q *phraseQuery) Field() string      { return q.field }
func (q *phraseQuery) SetField(f string)  { q.field = f }

// Searcher is ours on a scorch snapshot; elsewhere, or when bleve is
// asked to explain its scores, bleve's own.
func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || opts.Explain || bm25(ctx) || synonymsIn(ctx) {
		return searcher.NewPhraseSearcher(ctx, r, q.terms, 0, false, q.field, q.boost, opts)
	}
	return newPhraseSearcher(snap, q, opts, onlyDocs(ctx))
}

// bm25 reports whether the index scores with BM25, which this searcher
// does not reproduce; ours scores with bleve's default TF-IDF.
func bm25(ctx context.Context) bool {
	f, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn)
	return ok && f() == index.BM25Scoring
}

// synonymsIn reports whether bleve's own synonym expansion is on for this
// search (ours is done at compile time, synonyms.go).
func synonymsIn(ctx context.Context) bool {
	_, ok := ctx.Value(search.FieldTermSynonymMapKey).(search.FieldTermSynonymMap)
	return ok
}

// phraseWord is one word of the phrase with what scoring needs.
type phraseWord struct {
	tfidf
	term   []byte
	offset uint64                 // position relative to the phrase's first word
	pls    []segment.PostingsList // per segment; nil where the term is not
}

type phraseSearcher struct {
	tfidfs // the words' scores, in the words' order
	field  string
	words  rarestFirst[*phraseWord]
	score  bool
	// locations: the hits carry the phrase's term locations (bleve's
	// phrase searcher always gives them; a search that does not ask for
	// them, the first pass of onepass.go, needs none).
	locations bool
	only      []uint64 // when not nil, the only documents wanted (docnums.go)
	segs      []*scorch.SegmentSnapshot
	starts    []uint64 // global number of each segment's first document
	seg       int      // next segment to read
	matches   []phraseMatch
	next      int // next of matches to return
	// scratch, kept between items
	freq     []uint64
	norm     []float64
	plocs    [][]segment.Location // per word, its locations in the item
	at       []int                // per candidate and word, an index into plocs
	byOffset []int                // the words in phrase order
	cands    []candidate
}

// phraseMatch is one matching item of the current segment.
type phraseMatch struct {
	doc   uint64 // global document number
	score float64
	ftls  []search.FieldTermLocation
}

// candidate is a start position of the phrase in one array element.
type candidate struct {
	pos uint64
	ap  []uint64
	at  int // where its locations' indexes begin in at, one per word
}

func newPhraseSearcher(snap *scorch.IndexSnapshot, q *phraseQuery, opts search.SearcherOptions, only []uint64) (search.Searcher, error) {
	s := &phraseSearcher{field: q.field, score: opts.Score != "none", locations: opts.IncludeTermVectors, only: only}
	// bleve skips leading empty positions and counts the others.
	first := 0
	for first < len(q.terms) && q.terms[first] == "" {
		first++
	}
	for i := first; i < len(q.terms); i++ {
		if q.terms[i] != "" {
			s.words = append(s.words, &phraseWord{tfidf: tfidf{boost: q.boost}, term: []byte(q.terms[i]), offset: uint64(i - first)})
		}
	}
	total, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	s.segs, s.starts = segmentsOf(snap)
	wanted := wantedSegments(s.starts, only)
	for _, w := range s.words {
		var count uint64
		if w.pls, count, err = termPostings(s.segs, wanted, q.field, w.term); err != nil {
			return nil, err
		}
		w.setCount(count, total)
	}
	sort.Sort(s.words)
	for _, w := range s.words {
		s.tfidfs = append(s.tfidfs, &w.tfidf)
	}
	s.SetQueryNorm(1 / math.Sqrt(s.Weight()))
	s.freq = make([]uint64, len(s.words))
	s.norm = make([]float64, len(s.words))
	s.plocs = make([][]segment.Location, len(s.words))
	for j := range s.words {
		s.byOffset = append(s.byOffset, j)
	}
	sort.Slice(s.byOffset, func(a, b int) bool { return s.words[s.byOffset[a]].offset < s.words[s.byOffset[b]].offset })
	return s, nil
}

// segmentsOf are snap's segments and the global number of each one's
// first document (scorch counts a segment's deleted documents too).
func segmentsOf(snap *scorch.IndexSnapshot) (segs []*scorch.SegmentSnapshot, starts []uint64) {
	var start uint64
	for _, ss := range snap.Segments() {
		segs = append(segs, ss)
		starts = append(starts, start)
		start += ss.Segment().Count()
	}
	return segs, starts
}

// wantedSegments marks the segments that hold one of only's documents;
// nil, all of them, when only is nil (docnums.go).
func wantedSegments(starts, only []uint64) []bool {
	if only == nil {
		return nil
	}
	wanted := make([]bool, len(starts))
	for _, d := range only {
		i := sort.Search(len(starts), func(i int) bool { return starts[i] > d }) - 1
		if i >= 0 {
			wanted[i] = true
		}
	}
	return wanted
}

// termPostings are term's posting lists in field, one per segment (nil
// where it is not, or where wanted, when not nil, says the segment is not
// needed), and how many items they hold, as bleve counts them for the
// idf. A search that reads a page's few documents again (onepass.go)
// looks the term up only in their segments; the idf is then not the
// snapshot's, but such a search keeps the first pass's scores.
func termPostings(segs []*scorch.SegmentSnapshot, wanted []bool, field string, term []byte) ([]segment.PostingsList, uint64, error) {
	pls := make([]segment.PostingsList, len(segs))
	var count uint64
	for i, ss := range segs {
		if wanted != nil && !wanted[i] {
			continue
		}
		pl, err := postings(ss, field, term)
		if err != nil {
			return nil, 0, err
		}
		if pl != nil {
			count += pl.Count()
		}
		pls[i] = pl
	}
	return pls, count, nil
}

func postings(ss *scorch.SegmentSnapshot, field string, term []byte) (segment.PostingsList, error) {
	dict, err := ss.Segment().Dictionary(field)
	if err != nil || dict == nil {
		return nil, err
	}
	return dict.PostingsList(term, ss.Deleted(), nil)
}

func (s *phraseSearcher) Min() int                   { return 0 }
func (s *phraseSearcher) Size() int                  { return 256 + len(s.matches)*64 }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return len(s.words) + 2 }
func (s *phraseSearcher) Close() error               { return nil }

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for s.next >= len(s.matches) {
		if s.seg >= len(s.segs) {
			return nil, nil
		}
		if err := s.readSegment(s.seg); err != nil {
			return nil, err
		}
		s.seg++
	}
	m := &s.matches[s.next]
	s.next++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, m.doc)
	dm.Score = m.score
	dm.FieldTermLocations = append(dm.FieldTermLocations[:0], m.ftls...)
	return dm, nil
}

func (s *phraseSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	n := id.Value()
	for {
		i := sort.Search(len(s.matches)-s.next, func(i int) bool { return s.matches[s.next+i].doc >= n })
		if s.next += i; s.next < len(s.matches) {
			return s.Next(ctx)
		}
		// Segments that end before n need not be read.
		for s.seg+1 < len(s.segs) && s.starts[s.seg+1] <= n {
			s.seg++
		}
		if s.seg >= len(s.segs) {
			return nil, nil
		}
		if err := s.readSegment(s.seg); err != nil {
			return nil, err
		}
		s.seg++
	}
}

// readSegment finds every match in segment i.
func (s *phraseSearcher) readSegment(i int) error {
	s.matches, s.next = s.matches[:0], 0
	if len(s.words) == 0 {
		return nil
	}
	its := make([]segment.PostingsIterator, len(s.words))
	var cands *roaring.Bitmap
	for j, w := range s.words {
		pl := w.pls[i]
		if pl == nil || pl.Count() == 0 {
			return nil
		}
		bm, err := bitmapOf(pl)
		if err != nil {
			return err
		}
		if cands == nil {
			cands = bm.Clone()
			if s.only != nil {
				cands.And(s.onlyIn(i))
			}
		} else {
			cands.And(bm)
		}
		if cands.IsEmpty() {
			return nil
		}
		its[j] = pl.Iterator(true, true, true, nil)
	}
	// Each word's iterator steps over the candidates only: without
	// this, advancing "och" visits every item that has it.
	for _, it := range its {
		if o, ok := it.(segment.OptimizablePostingsIterator); ok {
			o.ReplaceActual(cands)
		}
	}
	it := cands.Iterator()
	for it.HasNext() {
		local := uint64(it.Next())
		ok, err := s.matchItem(its, local)
		if err != nil {
			return err
		}
		if ok {
			s.matches = append(s.matches, s.match(s.starts[i]+local))
		}
	}
	return nil
}

// onlyIn is the wanted documents of segment i, by local number.
func (s *phraseSearcher) onlyIn(i int) *roaring.Bitmap {
	bm := roaring.New()
	end := uint64(math.MaxUint64)
	if i+1 < len(s.starts) {
		end = s.starts[i+1]
	}
	for _, d := range s.only {
		if d >= s.starts[i] && d < end {
			bm.Add(uint32(d - s.starts[i]))
		}
	}
	return bm
}

// bitmapOf is the items a posting list holds, without its deleted ones.
func bitmapOf(pl segment.PostingsList) (*roaring.Bitmap, error) {
	it := pl.Iterator(false, false, false, nil)
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if bm := o.ActualBitmap(); bm != nil {
			return bm, nil
		}
		if n, ok := o.DocNum1Hit(); ok {
			return roaring.BitmapOf(uint32(n)), nil
		}
	}
	bm := roaring.New()
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			return bm, nil
		}
		bm.Add(uint32(p.Number()))
	}
}

// matchItem reads the words' positions in one item, rarest first,
// keeping the phrase starts that still line up, and stops reading as
// soon as none does. The locations are zap's, good until the word's
// iterator moves: match reads them before it does.
func (s *phraseSearcher) matchItem(its []segment.PostingsIterator, local uint64) (bool, error) {
	s.cands, s.at = s.cands[:0], s.at[:0]
	n := len(s.words)
	for j, w := range s.words {
		p, err := its[j].Advance(local)
		if err != nil {
			return false, err
		}
		if p == nil || p.Number() != local {
			return false, nil
		}
		s.freq[j], s.norm[j] = p.Frequency(), p.Norm()
		s.plocs[j] = p.Locations()
		if j == 0 {
			for k, l := range s.plocs[0] {
				if l.Pos() < w.offset+1 {
					continue // positions start at 1
				}
				s.cands = append(s.cands, candidate{pos: l.Pos() - w.offset, ap: l.ArrayPositions(), at: len(s.at)})
				s.at = append(s.at, make([]int, n)...)
				s.at[len(s.at)-n] = k
			}
		} else {
			kept := s.cands[:0]
			for _, c := range s.cands {
				for k, l := range s.plocs[j] {
					if l.Pos() == c.pos+w.offset && search.ArrayPositions(l.ArrayPositions()).Equals(c.ap) {
						s.at[c.at+j] = k
						kept = append(kept, c)
						break
					}
				}
			}
			s.cands = kept
		}
		if len(s.cands) == 0 {
			return false, nil
		}
	}
	return true, nil
}

// match scores the current item and lists its phrase locations in
// phrase order, as bleve's phrase searcher does.
func (s *phraseSearcher) match(doc uint64) phraseMatch {
	m := phraseMatch{doc: doc}
	if s.score {
		for j, w := range s.words {
			m.score += w.score(s.freq[j], s.norm[j])
		}
	}
	if !s.locations {
		return m
	}
	// s.cands are in position order already: the rarest word's order.
	m.ftls = make([]search.FieldTermLocation, 0, len(s.cands)*len(s.words))
	for _, c := range s.cands {
		for _, j := range s.byOffset {
			m.ftls = append(m.ftls, search.FieldTermLocation{Field: s.field, Term: string(s.words[j].term),
				Location: location(s.plocs[j][s.at[c.at+j]])})
		}
	}
	return m
}
