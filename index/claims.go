package index

import "sync"

// Writers of the same meeting take turns; writers of different meetings
// need not. Put, PutAll and Remove each read a meeting, compare it and
// write it back, which must not interleave with another write of that
// meeting. One lock held for the whole write would do, but a bulk ingest
// gains by having two batches of different meetings in the index at
// once: scorch builds a batch's segment on one core while the next batch
// is analysed on the others (cmd/motesarkiv/ingest.go). So a writer
// claims the ids of its meetings, waiting while another writer holds any
// of them, and lets go once its batch is in the index.
//
// A meeting's documents are its own id and that id followed by "/" and
// an item label (document.go); ids are slugs without "/", so writers of
// different meetings write different documents.
type claims struct {
	mu   sync.Mutex
	cond sync.Cond
	held map[string]bool
}

// claim waits until no writer holds any of ids, then holds them all.
// Taking them all at once, never one while waiting for another, is what
// keeps two writers from waiting on each other for ever.
func (c *claims) claim(ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held == nil {
		c.held, c.cond.L = map[string]bool{}, &c.mu
	}
	for c.anyHeld(ids) {
		c.cond.Wait()
	}
	for _, id := range ids {
		c.held[id] = true
	}
}

func (c *claims) anyHeld(ids []string) bool {
	for _, id := range ids {
		if c.held[id] {
			return true
		}
	}
	return false
}

// release lets go of ids, which claim took.
func (c *claims) release(ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		delete(c.held, id)
	}
	c.cond.Broadcast()
}
