package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/microseconds"
	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/milliseconds"
	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/nanoseconds"
	"github.com/blevesearch/bleve/v2/analysis/datetime/timestamp/seconds"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Loading a hit's stored fields is bleve's Document: it finds the
// document again by its id (a dictionary lookup in every segment) and
// decodes every stored field into a field object, the body, sections and
// a dozen keyword fields alike, to return the few asked for. That was
// about a third of a search for a rare word and of the mention export.
// storedIndex asks bleve for the hits only and loads the fields itself,
// by the document numbers the hits already carry and keeping only the
// fields asked for and highlighted. bleve's own LoadAndHighlightFields
// then makes the values and fragments of a highlighted search from them;
// a search without highlights gets its values straight from the stored
// bytes. Hits are the same to the byte (TestSearchStoredAgreesWithBleve).

// storedIndex is the bleve index, whose searches load stored fields as
// above. Index holds its bleve index in one, so every search goes
// through it.
type storedIndex struct{ bleveIndex }

// bleveIndex names the embedded index: embedded as bleve.Index, its field
// would hide bleve.Index's own method Index.
type bleveIndex = bleve.Index

func (b storedIndex) Search(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return b.SearchInContext(context.Background(), req)
}

// SearchInContext is bleve's, with the stored fields and highlights
// loaded as above.
//
// A hit's document number belongs to the index snapshot it was found
// in, and bleve opens that snapshot inside the search without handing
// it out. So the snapshot is taken before and after: a snapshot that is
// still the root after the search was the root all through it (scorch
// makes a new one for every change), so it is the one searched. When a
// write came in between, the request runs again as bleve runs it.
func (b storedIndex) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if len(req.Fields) == 0 && req.Highlight == nil {
		return b.bleveIndex.SearchInContext(ctx, req)
	}
	adv, err := b.Advanced()
	if err != nil {
		return nil, err
	}
	before, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer before.Close()
	if _, ok := before.(*scorch.IndexSnapshot); !ok || slices.Contains(req.Fields, "*") {
		return b.bleveIndex.SearchInContext(ctx, req)
	}
	hl, err := highlighterOf(req.Highlight)
	if err != nil {
		return nil, err
	}
	res, err := b.bleveIndex.SearchInContext(ctx, hitsOnly(req))
	if err != nil {
		return nil, err
	}
	after, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	same := after == before
	after.Close()
	if !same {
		return b.bleveIndex.SearchInContext(ctx, req)
	}
	err = newStoredReader(before, wantedFields(req)).load(res.Hits, req, hl)
	if errors.Is(err, errToBleve) {
		return b.bleveIndex.SearchInContext(ctx, req)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// hitsOnly is req without stored fields and highlights, but with the
// term locations that highlighting needs (bleve collects them when a
// request highlights).
func hitsOnly(req *bleve.SearchRequest) *bleve.SearchRequest {
	r := *req
	r.Fields, r.Highlight = nil, nil
	r.IncludeLocations = req.IncludeLocations || req.Highlight != nil
	return &r
}

// highlighterOf is the highlighter bleve would use for h, nil for none.
func highlighterOf(h *bleve.HighlightRequest) (highlight.Highlighter, error) {
	if h == nil {
		return nil, nil
	}
	name := bleve.Config.DefaultHighlighter
	if h.Style != nil {
		name = *h.Style
	}
	hl, err := bleve.Config.Cache.HighlighterNamed(name)
	if err == nil && hl == nil {
		err = fmt.Errorf("no highlighter named %q", name)
	}
	return hl, err
}

// wantedFields are the stored fields a request reads: those it returns
// and those it highlights (with no list, every field that matched, which
// may be any).
func wantedFields(req *bleve.SearchRequest) map[string]bool {
	if req.Highlight != nil && req.Highlight.Fields == nil {
		return nil
	}
	want := map[string]bool{}
	for _, f := range req.Fields {
		want[f] = true
	}
	if req.Highlight != nil {
		for _, f := range req.Highlight.Fields {
			want[f] = true
		}
	}
	return want
}

// storedReader is the snapshot a search ran on, whose Document returns
// only the wanted fields of the hits added to it. LoadAndHighlightFields
// calls nothing else of it.
type storedReader struct {
	bindex.IndexReader
	snap    *scorch.IndexSnapshot // nil: Document is the reader's own
	want    map[string]bool       // nil: every field
	nums    map[string]uint64
	offsets []uint64 // first global document number of each segment
}

func newStoredReader(r bindex.IndexReader, want map[string]bool) *storedReader {
	sr := &storedReader{IndexReader: r, want: want, nums: map[string]uint64{}}
	sr.snap, _ = r.(*scorch.IndexSnapshot)
	if sr.snap == nil {
		return sr
	}
	var n uint64
	for _, ss := range sr.snap.Segments() {
		sr.offsets = append(sr.offsets, n)
		n += ss.Segment().Count() // as scorch numbers them: deleted documents too
	}
	return sr
}

// add makes Document read hits by their document numbers.
func (r *storedReader) add(hits ...*search.DocumentMatch) {
	for _, h := range hits {
		r.nums[h.ID] = h.IndexInternalID.Value()
	}
}

// load fills the hits' fields and fragments as req asks, highlighting
// with hl when it is not nil.
func (r *storedReader) load(hits search.DocumentMatchCollection, req *bleve.SearchRequest, hl highlight.Highlighter) error {
	r.add(hits...)
	for _, hit := range hits {
		var err error
		if hl == nil {
			err = r.values(hit)
		} else {
			err, _ = bleve.LoadAndHighlightFields(hit, req, "", r, hl)
		}
		if err != nil {
			return fmt.Errorf("load %s: %w", hit.ID, err)
		}
	}
	return nil
}

// locate is the segment of a global document number and the number
// within it.
func (r *storedReader) locate(num uint64) (*scorch.SegmentSnapshot, uint64) {
	i := sort.Search(len(r.offsets), func(i int) bool { return r.offsets[i] > num }) - 1
	return r.snap.Segments()[i], num - r.offsets[i]
}

// Document builds the document as scorch's IndexSnapshot.Document does,
// from the same stored values, leaving out the fields not wanted.
func (r *storedReader) Document(id string) (bindex.Document, error) {
	num, ok := r.nums[id]
	if !ok || r.snap == nil {
		return r.IndexReader.Document(id)
	}
	seg, local := r.locate(num)
	doc := document.NewDocument(id)
	err := seg.VisitDocument(local, func(name string, typ byte, val []byte, pos []uint64) bool {
		if name == "_id" || (r.want != nil && !r.want[name]) {
			return true
		}
		doc.StoredFieldsSize += uint64(len(val))
		// The visitor's buffers are reused for the next field.
		if f := newField(name, typ, append([]byte(nil), val...), append([]uint64(nil), pos...)); f != nil {
			doc.AddField(f)
		}
		return true
	})
	return doc, err
}

// newField is a stored field as scorch's Document makes it, nil for a
// type it does not know.
func newField(name string, typ byte, value []byte, arrayPos []uint64) document.Field {
	switch typ {
	case 't':
		return document.NewTextField(name, arrayPos, value)
	case 'n':
		return document.NewNumericFieldFromBytes(name, arrayPos, value)
	case 'i':
		return document.NewIPFieldFromBytes(name, arrayPos, value)
	case 'd':
		return document.NewDateTimeFieldFromBytes(name, arrayPos, value)
	case 'b':
		return document.NewBooleanFieldFromBytes(name, arrayPos, value)
	case 'g':
		return document.NewGeoPointFieldFromBytes(name, arrayPos, value)
	case 's':
		return document.NewGeoShapeFieldFromBytes(name, arrayPos, value)
	}
	return nil
}

// errToBleve: values leaves the hit to bleve's own loading (a field of a
// type this index does not have), and the search runs as bleve runs it.
var errToBleve = errors.New("stored fields left to bleve")

// values sets a hit's wanted fields as LoadAndHighlightFields does for a
// request without highlights, without building the document first: that
// copied each body three times and made a field object of every value,
// and without it the mention export takes 22 ms in process, not 31.
func (r *storedReader) values(hit *search.DocumentMatch) error {
	if r.snap == nil || r.want == nil {
		return errToBleve
	}
	if hit.Fields != nil { // as bleve: loaded already
		return nil
	}
	seg, local := r.locate(hit.IndexInternalID.Value())
	var err error
	verr := seg.VisitDocument(local, func(name string, typ byte, val []byte, _ []uint64) bool {
		if name == "_id" && hit.ID == "" { // a hit the walk made (walk.go)
			hit.ID = string(val)
		}
		if name == "_id" || !r.want[name] {
			return true
		}
		var v any
		v, err = storedValue(name, typ, val)
		if v != nil {
			hit.AddFieldValue(name, v)
		}
		return err == nil
	})
	return cmp.Or(err, verr)
}

// storedValue is the value LoadAndHighlightFields gives a stored field
// (nil when bleve could not read it, and bleve then leaves it out).
func storedValue(name string, typ byte, val []byte) (any, error) {
	switch typ {
	case 't':
		return string(val), nil
	case 'n':
		if n, err := document.NewNumericFieldFromBytes(name, nil, val).Number(); err == nil {
			return n, nil
		}
	case 'b':
		if b, err := document.NewBooleanFieldFromBytes(name, nil, val).Boolean(); err == nil {
			return b, nil
		}
	case 'd':
		t, layout, err := document.NewDateTimeFieldFromBytes(name, nil, val).DateTime()
		if err != nil {
			return nil, nil
		}
		switch layout {
		case "":
			return t.Format(time.RFC3339), nil
		case seconds.Name:
			return strconv.FormatInt(t.Unix(), 10), nil
		case milliseconds.Name:
			return strconv.FormatInt(t.UnixMilli(), 10), nil
		case microseconds.Name:
			return strconv.FormatInt(t.UnixMicro(), 10), nil
		case nanoseconds.Name:
			return strconv.FormatInt(t.UnixNano(), 10), nil
		}
		return t.Format(layout), nil
	default:
		return nil, errToBleve
	}
	return nil, nil
}
