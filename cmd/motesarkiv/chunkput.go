package main

import (
	"motesarkiv/index"
	"motesarkiv/ingest"
)

// maxFlying is how many chunks ingest puts into the index at once. Scorch
// analyses a batch on every core but then builds its segment on one, and
// waits for the disk; with one batch at a time a core stood idle for
// about half an ingest. With two, one batch's segment is built while the
// next is analysed (docs/performance.md). The index lets calls with no
// meeting in common write at once (index/claims.go).
const maxFlying = 2

// chunkPut is one chunk of parsed files whose meetings are on their way
// into the index; done is closed once they are there, or have failed, and
// the originals of those there are kept.
type chunkPut struct {
	files    []parsedFile
	ms       []*ingest.Meeting
	paths    []string // the file of each of ms
	outcomes []index.Outcome
	errs     []error // why a meeting of ms is not in the index
	kept     []error // why the original of a meeting in the index is not kept
	done     chan struct{}
}

func newChunkPut(files []parsedFile) *chunkPut {
	c := &chunkPut{files: files, done: make(chan struct{})}
	for _, f := range files {
		if f.err == nil {
			c.ms, c.paths = append(c.ms, f.m), append(c.paths, f.path)
		}
	}
	return c
}

// start puts the meetings in the background, then keeps the originals of
// those put in the folder originals.
func (c *chunkPut) start(ix archive, originals string) {
	go func() {
		defer close(c.done)
		c.outcomes, c.errs = putChunk(ix, c.ms)
		var ms []*ingest.Meeting
		var paths []string
		var at []int // index in c.ms of each of ms
		for i, m := range c.ms {
			if c.errs[i] == nil {
				ms, paths, at = append(ms, m), append(paths, c.paths[i]), append(at, i)
			}
		}
		c.kept = make([]error, len(c.ms))
		for j, err := range saveOriginals(originals, paths, ms) {
			c.kept[at[j]] = err
		}
	}()
}

// sharesWith reports whether a meeting of c is also in one of others.
func (c *chunkPut) sharesWith(others []*chunkPut) bool {
	ids := make(map[string]bool, len(c.ms))
	for _, m := range c.ms {
		ids[m.ID] = true
	}
	for _, o := range others {
		for _, m := range o.ms {
			if ids[m.ID] {
				return true
			}
		}
	}
	return false
}
