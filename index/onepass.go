package index

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// One pass. A search by relevance walks the typed query's hits once,
// scored but without term locations, and decides for each hit from the
// facet columns (facetcolumns.go) whether it is in the date range and
// has the chosen facet values, counting the facets on the way; the best
// page*size hits are kept in a heap. Only the page's hits are then read
// again, with their stored fields and the term locations the
// highlighter needs (docnums.go).
//
// Asked the usual way, bleve decoded the term locations of every hit for
// highlighting although it shows twenty, intersected the date range's
// many terms and the filters' postings with the query, and the facets
// needed a second walk over the hits. Filters and the date range now
// narrow without scoring: choosing a speaker or a year no longer moves
// hits up or down (in bleve's conjunction every filter added its own
// score: more for an item with fewer speakers, more for a month with
// fewer meetings), so the filtered hits keep the order they have
// unfiltered.

// onePass serves r by the road above; ok is false when it does not
// apply (another sort, nothing typed, an index other than scorch's) and
// the caller should ask bleve as before.
func (ix *Index) onePass(ctx context.Context, r Request, text query.Query) (res *Result, ok bool, err error) {
	if !useOnePass || r.Sort != SortRelevance || !itemsOnly(text) {
		return nil, false, nil
	}
	reader, snap, err := ix.reader()
	if err != nil {
		return nil, false, err
	}
	defer reader.Close()
	if snap == nil {
		return nil, false, nil
	}
	var tally *facetTally // nil: nothing to decide or count per hit
	if !r.SkipFacets || !noFacetFilter(r.Filters) || !r.From.IsZero() || !r.To.IsZero() {
		cols, err := ix.facetTab.columns(snap)
		if err != nil {
			return nil, false, fmt.Errorf("search %q: %w", r.Query, err)
		}
		tally = cols.newFacetTally(r.Filters, r.From, r.To, !r.SkipFacets)
	}
	q := text
	if len(r.Filters.Dnr) > 0 { // not a facet: no column
		q = bleve.NewConjunctionQuery(text, unscoredQuery{keywordQuery(fieldDnr, r.Filters.Dnr)})
	}
	s, err := q.Searcher(ctx, reader, ix.bleve.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, false, fmt.Errorf("search %q: %w", r.Query, err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: reader}
	best := &topHits{size: r.Page * r.Size}
	var total uint64
	fs, fast := s.(*fieldsTermSearcher)
	if fast = fast && !fs.locs; fast {
		// one word, the commonest search: no DocumentMatch per hit, and
		// a broad one read on every core
		if total, err = scoreWord(ctx, fs, tally, best); err != nil {
			return nil, false, fmt.Errorf("search %q: %w", r.Query, err)
		}
	}
	for k := 0; !fast; k++ {
		if k%1024 == 0 && ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, false, fmt.Errorf("search %q: %w", r.Query, err)
		}
		if dm == nil {
			break
		}
		h := scoredDoc{doc: dm.IndexInternalID.Value(), score: dm.Score}
		sctx.DocumentMatchPool.Put(dm)
		if tally != nil && !tally.add(h.doc) {
			continue
		}
		total++
		best.offer(h)
	}
	ranked := best.sorted()
	from := min((r.Page-1)*r.Size, len(ranked))
	page := ranked[from:]
	res = &Result{Total: total, Hits: []Hit{}, Facets: map[string][]FacetValue{}}
	if tally != nil && !r.SkipFacets {
		res.Facets = tally.facets()
	}
	if len(page) == 0 {
		return res, true, nil
	}
	load := ix.loadPage
	if r.SkipHighlights {
		load = ix.loadPageFields
	}
	dms, err := load(ctx, reader, text, page)
	if err != nil {
		return nil, false, fmt.Errorf("search %q: %w", r.Query, err)
	}
	tieBreak(dms)
	for _, dm := range dms {
		res.Hits = append(res.Hits, newHit(dm))
	}
	return res, true, nil
}

// parallelMin is how many postings a word must have before its hits are
// read on several cores: below it, starting goroutines costs more than
// it saves.
var parallelMin = 8192

// scoreWord reads every hit of a one-word searcher into best, deciding
// and counting each with tally (when not nil), and returns how many
// passed. A broad word's segments are split between the cores, each
// part with a tally and a heap of its own, merged at the end: the two
// cores of a small server halve a broad search.
func scoreWord(ctx context.Context, fs *fieldsTermSearcher, tally *facetTally, best *topHits) (uint64, error) {
	parts := []*fieldsTermSearcher{fs}
	if n := runtime.GOMAXPROCS(0); n > 1 && fs.Count() >= uint64(parallelMin) {
		parts = fs.split(n)
	}
	if len(parts) == 1 {
		return scorePart(ctx, fs, tally, best)
	}
	type result struct {
		total uint64
		best  *topHits
		tally *facetTally
		err   error
	}
	results := make([]result, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		res := &results[i]
		res.best = &topHits{size: best.size}
		if tally != nil {
			res.tally = tally.fresh()
		}
		wg.Go(func() { res.total, res.err = scorePart(ctx, p, res.tally, res.best) })
	}
	wg.Wait()
	var total uint64
	for _, res := range results {
		if res.err != nil {
			return 0, res.err
		}
		total += res.total
		for _, h := range res.best.hs {
			best.offer(h)
		}
		if tally != nil {
			tally.merge(res.tally)
		}
	}
	return total, nil
}

func scorePart(ctx context.Context, fs *fieldsTermSearcher, tally *facetTally, best *topHits) (uint64, error) {
	var total uint64
	err := fs.scoreAll(ctx, func(doc uint64, score float64) { // termscore.go
		if tally != nil && !tally.add(doc) {
			return
		}
		total++
		best.offer(scoredDoc{doc: doc, score: score})
	})
	return total, err
}

// loadPage reads the page's hits from the snapshot the first pass read,
// with their stored fields and highlights: the typed query again,
// restricted to those documents, so that only their term locations are
// decoded. Scores and order are the first pass's. A page of pageSplitMin
// hits or more is read in parts on the cores, each part a range of
// document numbers: finding a hit's term locations means decoding the
// postings before it in its chunk, the better part of a highlighted
// word search's page.
func (ix *Index) loadPage(ctx context.Context, reader index.IndexReader, text query.Query, page []scoredDoc) (search.DocumentMatchCollection, error) {
	docs := make([]uint64, len(page))
	for i, h := range page {
		docs[i] = h.doc
	}
	slices.Sort(docs)
	parts := [][]uint64{docs}
	if n := runtime.GOMAXPROCS(0); n > 1 && len(docs) >= pageSplitMin {
		parts = splitDocs(docs, n)
	}
	found := make([][]*search.DocumentMatch, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() { found[i], errs[i] = ix.loadDocs(ctx, reader, text, part) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	byDoc := make(map[uint64]*search.DocumentMatch, len(page))
	for _, dms := range found {
		for _, dm := range dms {
			byDoc[dm.IndexInternalID.Value()] = dm
		}
	}
	out := make(search.DocumentMatchCollection, 0, len(page))
	for _, h := range page {
		if dm := byDoc[h.doc]; dm != nil {
			dm.Score = h.score
			out = append(out, dm)
		}
	}
	return out, nil
}

// pageSplitMin is the smallest page read in parts; below it, starting
// goroutines and searchers costs more than the parts save.
var pageSplitMin = 8

// splitDocs cuts ascending docs into n runs of near equal length.
func splitDocs(docs []uint64, n int) [][]uint64 {
	n = min(n, len(docs))
	out := make([][]uint64, 0, n)
	for i := range n {
		out = append(out, docs[i*len(docs)/n:(i+1)*len(docs)/n])
	}
	return out
}

// loadDocs reads docs (ascending) as loadPage does, unordered.
func (ix *Index) loadDocs(ctx context.Context, reader index.IndexReader, text query.Query, docs []uint64) ([]*search.DocumentMatch, error) {
	ctx = withOnlyDocs(ctx, docs)
	q := bleve.NewConjunctionQuery(newDocNumQuery(docs), text)
	s, err := q.Searcher(ctx, reader, ix.bleve.Mapping(), search.SearcherOptions{IncludeTermVectors: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	req := bleve.NewSearchRequest(q)
	req.Fields = append(hitFields[:len(hitFields):len(hitFields)], fieldPos)
	req.Highlight = bleve.NewHighlightWithStyle(html.Name)
	req.Highlight.Fields = highlightFields
	hl, err := bleve.Config.Cache.HighlighterNamed(html.Name)
	if err != nil {
		return nil, err
	}
	stored := newStoredReader(reader, wantedFields(req)) // stored.go
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize()+len(docs), 0), IndexReader: reader}
	var out []*search.DocumentMatch
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			return out, nil
		}
		if dm.ID, err = reader.ExternalID(dm.IndexInternalID); err != nil {
			return nil, err
		}
		dm.Complete(nil)
		stored.add(dm)
		if err, _ := bleve.LoadAndHighlightFields(dm, req, ix.bleve.Name(), stored, hl); err != nil {
			return nil, err
		}
		out = append(out, dm)
	}
}

// unscoredQuery matches what q matches and adds nothing to the score:
// a filter.
type unscoredQuery struct{ q query.Query }

func (u unscoredQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	opts.Score, opts.IncludeTermVectors, opts.Explain = "none", false, false
	s, err := u.q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return unscoredSearcher{s}, nil
}

type unscoredSearcher struct{ search.Searcher }

func (unscoredSearcher) Weight() float64      { return 0 }
func (unscoredSearcher) SetQueryNorm(float64) {}

func (u unscoredSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return unscored(u.Searcher.Next(ctx))
}

func (u unscoredSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	return unscored(u.Searcher.Advance(ctx, id))
}

func unscored(dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if dm != nil {
		dm.Score = 0
	}
	return dm, err
}

// useOnePass is false only in the test that compares the two roads.
var useOnePass = true

// loadPageFields reads the page's hits with their stored fields only,
// straight by document number: no highlights, so no term locations.
func (ix *Index) loadPageFields(_ context.Context, reader index.IndexReader, _ query.Query, page []scoredDoc) (search.DocumentMatchCollection, error) {
	want := map[string]bool{fieldPos: true}
	for _, f := range hitFields {
		want[f] = true
	}
	stored := newStoredReader(reader, want)
	out := make(search.DocumentMatchCollection, len(page))
	for i, h := range page {
		dm := &search.DocumentMatch{IndexInternalID: index.NewIndexInternalID(nil, h.doc), Score: h.score}
		if err := stored.values(dm); err != nil {
			return nil, err
		}
		out[i] = dm
	}
	return out, nil
}

// scoredDoc is a hit of the first pass.
type scoredDoc struct {
	doc   uint64
	score float64
}

// better orders hits as bleve's collector does for a sort by score:
// higher score first, and among equal scores the earlier document.
func (a scoredDoc) better(b scoredDoc) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// topHits keeps the size best hits; its root is the worst of them.
type topHits struct {
	size int
	hs   []scoredDoc
}

func (t *topHits) Len() int           { return len(t.hs) }
func (t *topHits) Less(i, j int) bool { return t.hs[j].better(t.hs[i]) }
func (t *topHits) Swap(i, j int)      { t.hs[i], t.hs[j] = t.hs[j], t.hs[i] }
func (t *topHits) Push(x any)         { t.hs = append(t.hs, x.(scoredDoc)) }
func (t *topHits) Pop() any {
	x := t.hs[len(t.hs)-1]
	t.hs = t.hs[:len(t.hs)-1]
	return x
}

func (t *topHits) offer(h scoredDoc) {
	switch {
	case len(t.hs) < t.size:
		heap.Push(t, h)
	case h.better(t.hs[0]):
		t.hs[0] = h
		heap.Fix(t, 0)
	}
}

// sorted is the kept hits, best first.
func (t *topHits) sorted() []scoredDoc {
	out := slices.Clone(t.hs)
	slices.SortFunc(out, func(a, b scoredDoc) int {
		if a.better(b) {
			return -1
		}
		if b.better(a) {
			return 1
		}
		return 0
	})
	return out
}
