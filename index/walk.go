package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// The walk in one pass. walk (occurrences.go) asked bleve for rounds of
// hits sorted by meeting date, meeting id and agenda position: every
// round ran the query again over every hit, read four doc values of
// each hit to sort it and kept the round's documents in a heap. Here the
// typed query's hits are walked once, unscored order aside, with their
// term locations; the date range and filters are decided from the facet
// columns and the hits sorted by the columns' date, meeting id and
// position; then their stored fields are read in rounds of walkBatch, so
// that only one round's texts are in memory at a time.

// walkHit is a hit of the walk with its sort key.
type walkHit struct {
	doc   uint64
	score float64 // the typed query's: filters add nothing
	date  int64
	mid   string
	pos   float64
	ftls  []search.FieldTermLocation
	locs  []mentionLoc // walkMentions' instead of ftls (hitmentions.go)
	out   *hitMentions // its mentions, once walkMentions has queued it
}

// walkOnePass is walk by the road above; ok is false when it does not
// apply (nothing typed, an index other than scorch's) and walk should
// ask bleve.
func (ix *Index) walkOnePass(ctx context.Context, r Request, fields []string, locations bool, fn func(*search.DocumentMatch) error) (ok bool, err error) {
	reader, snap, err := ix.reader()
	if err != nil {
		return false, err
	}
	defer reader.Close()
	var keep func(*walkHit, []search.FieldTermLocation)
	if locations {
		keep = func(h *walkHit, ftls []search.FieldTermLocation) { h.ftls = slices.Clone(ftls) }
	}
	hits, ok, err := ix.walkHits(ctx, r, reader, snap, keep, nil)
	if !ok || err != nil {
		return ok, err
	}
	stored := newStoredReader(reader, fieldSet(fields))
	for start := 0; start < len(hits); start += walkBatch {
		round := hits[start:min(start+walkBatch, len(hits))]
		dms, err := loadRound(round, stored)
		if err != nil {
			return true, fmt.Errorf("walk %q: %w", r.Query, err)
		}
		for _, dm := range dms {
			if err := fn(dm); errors.Is(err, ErrStop) {
				return true, nil
			} else if err != nil {
				return true, err
			}
		}
	}
	return true, nil
}

// fieldSet is fields as a set.
func fieldSet(fields []string) map[string]bool {
	set := map[string]bool{}
	for _, f := range fields {
		set[f] = true
	}
	return set
}

// walkHits finds r's hits in reader, its snapshot snap, as above, in the
// walk's order; ok is false when the road does not apply. keep, when not
// nil, keeps what a hit needs of its term locations; found, when not
// nil, sees each hit as it is found, in document order.
func (ix *Index) walkHits(ctx context.Context, r Request, reader index.IndexReader, snap *scorch.IndexSnapshot, keep func(*walkHit, []search.FieldTermLocation), found func(*walkHit)) (hits []walkHit, ok bool, err error) {
	if !useOnePass || snap == nil {
		return nil, false, nil
	}
	text, err := ix.textQuery(r, nil)
	if err != nil || !itemsOnly(text) {
		return nil, false, err
	}
	cols, err := ix.facetTab.columns(snap)
	if err != nil {
		return nil, false, fmt.Errorf("walk %q: %w", r.Query, err)
	}
	tally := cols.newFacetTally(r.Filters, r.From, r.To, false)
	q := text
	if len(r.Filters.Dnr) > 0 {
		q = conjunction([]query.Query{text, unscoredQuery{keywordQuery(fieldDnr, r.Filters.Dnr)}})
	}
	s, err := q.Searcher(ctx, reader, ix.bleve.Mapping(), search.SearcherOptions{IncludeTermVectors: keep != nil})
	if err != nil {
		return nil, false, fmt.Errorf("walk %q: %w", r.Query, err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: reader}
	for k := 0; ; k++ {
		if k%1024 == 0 && ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, false, fmt.Errorf("walk %q: %w", r.Query, err)
		}
		if dm == nil {
			break
		}
		g := dm.IndexInternalID.Value()
		if tally.add(g) {
			h := walkHit{doc: g, score: dm.Score}
			if keep != nil {
				keep(&h, dm.FieldTermLocations)
			}
			hits = append(hits, h)
			if found != nil {
				found(&hits[len(hits)-1])
			}
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	// The keys are read apart from the search: each is a load from
	// memory not in the cache, and in a loop of their own the processor
	// has several under way at once.
	for i := range hits {
		cols.sortKey(&hits[i])
	}
	slices.SortFunc(hits, compareHits)
	return hits, true, nil
}

// loadRound makes the round's hits with their stored fields. Reading
// and decompressing the texts is most of an export; a round is split
// between the cores (zap reads stored documents from several goroutines
// at once, as concurrent searches do).
func loadRound(round []walkHit, stored *storedReader) ([]*search.DocumentMatch, error) {
	dms := make([]*search.DocumentMatch, len(round))
	load := func(from, to int) error {
		for i := from; i < to; i++ {
			dm, err := stored.hitMatch(&round[i])
			if err != nil {
				return err
			}
			dms[i] = dm
			round[i].ftls = nil // what is kept now is in dm
		}
		return nil
	}
	n := runtime.GOMAXPROCS(0)
	if n < 2 || len(round) < 64 {
		return dms, load(0, len(round))
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for w := range n {
		from, to := w*len(round)/n, (w+1)*len(round)/n
		wg.Go(func() { errs[w] = load(from, to) })
	}
	wg.Wait()
	return dms, errors.Join(errs...)
}

// hitMatch is h as bleve's hit, with the wanted stored fields and its
// term locations (which it takes over from h).
func (r *storedReader) hitMatch(h *walkHit) (*search.DocumentMatch, error) {
	dm := &search.DocumentMatch{IndexInternalID: index.NewIndexInternalID(nil, h.doc), Score: h.score, FieldTermLocations: h.ftls}
	dm.Complete(nil)
	return dm, r.values(dm)
}

// compareHits orders hits by date, meeting id, position and document
// number. Most hits differ in date, so it compares no further than it
// must: cmp.Or compares every key, the meeting ids too, and sorting was
// a tenth of the walk before the texts are read.
func compareHits(a, b walkHit) int {
	if a.date != b.date {
		return cmp.Compare(a.date, b.date)
	}
	if a.mid != b.mid {
		return strings.Compare(a.mid, b.mid)
	}
	return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.doc, b.doc))
}

// sortKey fills h's date, meeting id and position from the columns.
func (sc *snapColumns) sortKey(h *walkHit) {
	i := 0
	for i+1 < len(sc.starts) && h.doc >= sc.starts[i+1] {
		i++
	}
	c, d := sc.segs[i], h.doc-sc.starts[i]
	h.date, h.pos = c.date[d], c.pos[d]
	if m := c.mid[d]; m != math.MaxUint32 {
		h.mid = sc.mids[m]
	}
}
