package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	"motesarkiv/ingest"
)

// Errors callers tell apart with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrBadQuery = errors.New("bad query")
	// ErrLocked: another process (a running server, another ingest) has
	// the index open; bleve allows one writer per folder.
	ErrLocked = errors.New("index is in use by another process")
)

// lockWait is how long Open waits for another process to let go of the
// index before it gives up with ErrLocked, instead of bleve's default of
// waiting for ever.
const lockWait = "2s"

// Index is an archive of meetings on disk.
type Index struct {
	bleve bleve.Index
	dir   string
	prof  profile
	// writing holds the meetings being written (claims.go), since a
	// write reads, compares and writes back; searches need no lock.
	writing claims
	vocab   vocabCache // vocabcache.go
	// facetTab holds the facet columns of the index's segments
	// (facetcolumns.go).
	facetTab facetTable
}

// Outcome says what Put did.
type Outcome int

// Outcomes of Put.
const (
	Added Outcome = iota
	Replaced
	Unchanged
)

func (o Outcome) String() string {
	return [...]string{"added", "replaced", "unchanged"}[o]
}

// Open opens the index in dir, creating it (and dir) when there is none.
// When dir holds generations (version.go), Open opens the live one.
func Open(dir string) (*Index, error) {
	live, err := liveDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return openProfile(live, profileOurs)
}

// openProfile opens or creates an index analysed by p; only the
// relevance evaluation asks for another profile than ours.
func openProfile(dir string, p profile) (*Index, error) {
	b, err := bleve.OpenUsing(dir, map[string]any{"bolt_timeout": lockWait})
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) {
		b, err = create(dir, p)
	}
	if errors.Is(err, bolterrors.ErrTimeout) {
		err = ErrLocked
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := checkLayout(b); err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return &Index{bleve: storedIndex{b}, dir: dir, prof: p}, nil // stored.go
}

func create(dir string, p profile) (bleve.Index, error) {
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
		return nil, err
	}
	b, err := bleve.New(dir, newMapping(p))
	if err != nil {
		return nil, err
	}
	if err := markLayout(b); err != nil {
		b.Close()
		return nil, err
	}
	if err := b.SetInternal([]byte(versionKey), []byte(AnalysisVersion)); err != nil { // version.go
		b.Close()
		return nil, err
	}
	return b, nil
}

// Close flushes and closes the index.
func (ix *Index) Close() error {
	if err := ix.bleve.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}

// Put adds a meeting, or replaces the meeting with the same id. A
// meeting's identity is its id; the same file twice changes nothing.
func (ix *Index) Put(m *ingest.Meeting) (Outcome, error) {
	ix.writing.claim([]string{m.ID})
	defer ix.writing.release([]string{m.ID})
	old, err := ix.Meeting(m.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	if old != nil && old.Source.SHA256 != "" && old.Source.SHA256 == m.Source.SHA256 {
		return Unchanged, nil
	}
	docs, err := documents(m)
	if err != nil {
		return 0, err
	}
	// One batch deletes the old items and writes the new, so a search
	// never sees the meeting half replaced.
	batch := ix.bleve.NewBatch()
	if old != nil {
		for _, it := range old.Items {
			batch.Delete(itemID(old.ID, it.Label()))
		}
	}
	for id, doc := range docs {
		if err := batch.Index(id, doc); err != nil {
			return 0, fmt.Errorf("index meeting %s: %w", m.ID, err)
		}
	}
	if err := ix.bleve.Batch(batch); err != nil {
		return 0, fmt.Errorf("index meeting %s: %w", m.ID, err)
	}
	if old != nil {
		return Replaced, nil
	}
	return Added, nil
}

// Meeting returns the stored meeting with this id.
func (ix *Index) Meeting(id string) (*ingest.Meeting, error) {
	doc, err := ix.bleve.Document(meetingDocID(id))
	if err != nil {
		return nil, fmt.Errorf("meeting %s: %w", id, err)
	}
	if doc == nil {
		return nil, fmt.Errorf("meeting %s: %w", id, ErrNotFound)
	}
	var raw []byte
	doc.VisitFields(func(f bleveindex.Field) {
		if f.Name() == fieldJSON {
			raw = f.Value()
		}
	})
	var m ingest.Meeting
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("meeting %s: stored JSON: %w", id, err)
	}
	return &m, nil
}

// MeetingCount is the number of meetings in the index.
func (ix *Index) MeetingCount() (int, error) {
	req := bleve.NewSearchRequestOptions(typeQuery(typeMeeting), 0, 0, false)
	res, err := ix.bleve.Search(req)
	if err != nil {
		return 0, fmt.Errorf("count meetings: %w", err)
	}
	return int(res.Total), nil
}

// reader is a reader of the index's current snapshot, to be closed by
// the caller; snap is the same reader as scorch's snapshot, nil for an
// index of another kind.
func (ix *Index) reader() (r bleveindex.IndexReader, snap *scorch.IndexSnapshot, err error) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil, nil, err
	}
	if r, err = adv.Reader(); err != nil {
		return nil, nil, err
	}
	snap, _ = r.(*scorch.IndexSnapshot)
	return r, snap, nil
}
