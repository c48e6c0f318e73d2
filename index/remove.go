package index

import (
	"fmt"
)

// Remove takes the meeting with this id and all its items out of the
// index, in one batch, so that a search never sees the meeting half
// removed. Searches, mentions, feeds and facet counts are all made from
// the index's documents, so none of them shows the meeting once Remove
// has returned. A meeting that is not there is ErrNotFound.
func (ix *Index) Remove(id string) error {
	ix.writing.claim([]string{id})
	defer ix.writing.release([]string{id})
	m, err := ix.Meeting(id)
	if err != nil {
		return fmt.Errorf("remove %w", err)
	}
	batch := ix.bleve.NewBatch()
	batch.Delete(meetingDocID(m.ID))
	for _, it := range m.Items {
		batch.Delete(itemID(m.ID, it.Label()))
	}
	if err := ix.bleve.Batch(batch); err != nil {
		return fmt.Errorf("remove meeting %s: %w", id, err)
	}
	return nil
}

// DocCount is the number of documents in the index: a meeting and each
// of its items are one each.
func (ix *Index) DocCount() (uint64, error) {
	n, err := ix.bleve.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}
