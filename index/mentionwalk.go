package index

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// The mention export by the walk in one pass. Mentions used to make an
// Occurrence of every hit, a round at a time once the round's stored
// documents were read, and then the hit's mentions, one hit after
// another. Now each hit's mentions are made where its stored document
// is read (hitmentions.go), by a loader on every core, and the loaders
// start on the first hits while the search is still finding the rest.
// The hits then go out in the walk's order, each as soon as its
// mentions are made, while the loaders go on with those after it.

// walkMentions is Mentions by the walk in one pass; ok is false when
// that does not apply and Mentions should walk the Occurrences.
func (ix *Index) walkMentions(ctx context.Context, r Request, fn func(Mention) error) (ok bool, err error) {
	reader, snap, err := ix.reader()
	if err != nil {
		return false, err
	}
	defer reader.Close()
	mw := newMentionWalk(newStoredReader(reader, fieldSet(occurrenceStored)))
	defer mw.close() // before the reader closes: the loaders read from it
	hits, ok, err := ix.walkHits(ctx, r, reader, snap, keepMentionLocs, mw.early)
	if !ok || err != nil {
		return ok, err
	}
	mw.rest(hits)
	for i := range hits {
		ms, err := mw.wait(&hits[i])
		if err != nil {
			return true, fmt.Errorf("walk %q: %w", r.Query, err)
		}
		for _, m := range ms {
			if err := fn(m); errors.Is(err, ErrStop) {
				return true, nil
			} else if err != nil {
				return true, err
			}
		}
	}
	return true, nil
}

// mentionWalk hands hits to the loaders: as the search finds them, as
// many as the loaders keep up with, up to walkBatch; then the rest in
// the walk's order, as the queue has room. What waits to go out is at
// most the mentions of walkBatch hits and of the queue's, never texts.
type mentionWalk struct {
	stored  *storedReader
	jobs    chan walkHit // closed by rest's feeder, or by close
	stopped atomic.Bool  // the walk has ended: skip what is queued
	wg      sync.WaitGroup
	mu      sync.Mutex
	made    *sync.Cond // a hit's mentions are made
	queued  int        // by early
	fed     bool       // rest has run
}

// hitMentions are a hit's mentions, once made.
type hitMentions struct {
	ms     []Mention
	err    error
	made   bool // under mentionWalk.mu
	queued bool // by early, or with nothing to make
}

// mentionQueue is how many hits may wait for a loader.
const mentionQueue = 64

func newMentionWalk(stored *storedReader) *mentionWalk {
	mw := &mentionWalk{stored: stored}
	mw.made = sync.NewCond(&mw.mu)
	return mw
}

// start starts the loaders, once.
func (mw *mentionWalk) start() {
	if mw.jobs != nil {
		return
	}
	mw.jobs = make(chan walkHit, mentionQueue)
	for range runtime.GOMAXPROCS(0) {
		mw.wg.Go(mw.load)
	}
}

// load makes the mentions of the hits queued, until the queue closes.
func (mw *mentionWalk) load() {
	mk := newMentionMaker(mw.stored)
	for h := range mw.jobs {
		var ms []Mention
		var err error
		if !mw.stopped.Load() {
			ms, err = mk.mentions(&h)
		}
		mw.mu.Lock()
		h.out.ms, h.out.err, h.out.made = ms, err, true
		mw.mu.Unlock()
		mw.made.Signal() // only walkMentions waits
	}
}

// early queues a hit as the search finds it, if a loader is free to
// take it: while searching, the search is the only sender, so a queue
// with room takes it at once.
func (mw *mentionWalk) early(h *walkHit) {
	if mw.queued >= walkBatch || len(h.locs) == 0 {
		return
	}
	mw.start()
	if len(mw.jobs) < cap(mw.jobs) {
		h.out = &hitMentions{queued: true}
		mw.jobs <- *h
		mw.queued++
	}
}

// rest queues, in the walk's order, the hits early did not.
func (mw *mentionWalk) rest(hits []walkHit) {
	mw.fed = true
	var outs []hitMentions
	todo := 0
	for i := range hits {
		if hits[i].out != nil {
			continue
		}
		if len(outs) == 0 {
			outs = make([]hitMentions, len(hits)-i)
		}
		hits[i].out, outs = &outs[0], outs[1:]
		if len(hits[i].locs) == 0 { // no match in a mention field
			hits[i].out.queued, hits[i].out.made = true, true
		} else {
			todo++
		}
	}
	if todo == 0 && mw.jobs == nil {
		return
	}
	mw.start()
	mw.wg.Go(func() {
		defer close(mw.jobs)
		for i := range hits {
			if mw.stopped.Load() {
				return
			}
			if !hits[i].out.queued { // the loaders drain the queue, stopped or not
				mw.jobs <- hits[i]
			}
		}
	})
}

// wait returns h's mentions once they are made.
func (mw *mentionWalk) wait(h *walkHit) ([]Mention, error) {
	mw.mu.Lock()
	defer mw.mu.Unlock()
	for !h.out.made {
		mw.made.Wait()
	}
	ms := h.out.ms
	h.out.ms = nil // gone out: not kept
	return ms, h.out.err
}

// close ends the walk's loaders and waits for them.
func (mw *mentionWalk) close() {
	if mw.jobs == nil {
		return
	}
	mw.stopped.Store(true)
	if !mw.fed {
		close(mw.jobs)
	}
	mw.wg.Wait()
}
