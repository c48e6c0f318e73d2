package index

import (
	"errors"
	"fmt"

	"motesarkiv/ingest"
)

// PutAll puts many meetings as Put puts one, with the same outcomes, but
// writes them in one bleve batch. A batch per meeting makes a segment per
// meeting, which scorch then spends most of an ingest merging; a batch of
// a few hundred meetings makes segments worth keeping. A meeting and its
// items still appear together, since the whole batch does.
//
// When the index holds no meeting yet (a first ingest) nothing can be
// replaced or unchanged, and the lookups are skipped (a call still in
// flight holds none of these meetings, see below). A meeting id that
// occurs twice in ms is put twice in order: the later replaces the
// earlier, as two calls of Put would.
//
// Calls may run at once. Calls that share no meeting write at the same
// time, which is how a bulk ingest keeps every core busy (claims.go);
// calls that share one take turns, in no set order, so a caller that
// needs an order waits for the earlier call.
func (ix *Index) PutAll(ms []*ingest.Meeting) ([]Outcome, error) {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	ix.writing.claim(ids)
	defer ix.writing.release(ids)
	n, err := ix.bleve.DocCount()
	if err != nil {
		return nil, fmt.Errorf("put meetings: %w", err)
	}
	batch := ix.bleve.NewBatch()
	pending := map[string]*ingest.Meeting{} // id -> the meeting this batch writes
	outcomes := make([]Outcome, len(ms))
	for i, m := range ms {
		old := pending[m.ID]
		if old == nil && n > 0 {
			if old, err = ix.Meeting(m.ID); err != nil && !errors.Is(err, ErrNotFound) {
				return nil, err
			}
		}
		if old != nil && old.Source.SHA256 != "" && old.Source.SHA256 == m.Source.SHA256 {
			outcomes[i] = Unchanged
			continue
		}
		docs, err := documents(m)
		if err != nil {
			return nil, err
		}
		outcomes[i] = Added
		if old != nil {
			outcomes[i] = Replaced
			for _, it := range old.Items {
				if id := itemID(old.ID, it.Label()); docs[id] == nil {
					batch.Delete(id)
				}
			}
		}
		for id, doc := range docs {
			if err := batch.Index(id, doc); err != nil {
				return nil, fmt.Errorf("index meeting %s: %w", m.ID, err)
			}
		}
		pending[m.ID] = m
	}
	if err := ix.bleve.Batch(batch); err != nil {
		return nil, fmt.Errorf("index %d meetings: %w", len(ms), err)
	}
	return outcomes, nil
}
