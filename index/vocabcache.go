package index

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// vocabCache keeps the vocabulary (didyoumean.go) of one state of the
// index. Reading it walks the dictionary of every text field, which at
// 100,000 items took three quarters of every search's time, so it is read
// again only when the index has changed: scorch's root epoch, which every
// batch and every merge advances, tells.
//
// While minutes are uploaded the index changes many times a second. A
// search then gets the vocabulary as it was, and one goroutine reads the
// new one in the background; searches never wait for it. Under a 10-minute
// load run with uploads, reading it in line with the searches made them
// queue behind it (p99 2.76× the idle p99; docs/reliability.md). A word
// that arrived a moment ago may thus be missing from "menade du" for as
// long as one read takes. Only the very first read, when there is nothing
// to serve, is done in line. The map is shared: callers must not change it.
type vocabCache struct {
	mu         sync.Mutex
	epoch      uint64
	vocab      wordInts
	refreshing atomic.Bool
}

// cachedVocabulary is the vocabulary of the index's current or a recent
// state.
func (ix *Index) cachedVocabulary() (wordInts, error) {
	epoch, known := ix.rootEpoch()
	if !known {
		return ix.vocabulary()
	}
	c := &ix.vocab
	c.mu.Lock()
	vocab, fresh := c.vocab, c.epoch == epoch
	c.mu.Unlock()
	switch {
	case vocab.m == nil:
		return ix.refreshVocabulary(epoch)
	case !fresh && c.refreshing.CompareAndSwap(false, true):
		go func() {
			defer c.refreshing.Store(false)
			ix.refreshVocabulary(epoch) // an error leaves the old one, as if not yet read
		}()
	}
	return vocab, nil
}

// refreshVocabulary reads the vocabulary of the index at epoch (or later)
// and keeps it unless a newer one was kept meanwhile.
func (ix *Index) refreshVocabulary(epoch uint64) (wordInts, error) {
	v, err := ix.vocabulary()
	if err != nil {
		return wordInts{}, err
	}
	c := &ix.vocab
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.vocab.m == nil || epoch >= c.epoch {
		c.epoch, c.vocab = epoch, v
	}
	return v, nil
}

// rootEpoch is the number of the index's current snapshot; known is
// false for an index that is not scorch.
func (ix *Index) rootEpoch() (epoch uint64, known bool) {
	st := ix.scorchStats()
	if st == nil {
		return 0, false
	}
	return atomic.LoadUint64(&st.CurRootEpoch), true
}

// scorchStats are scorch's counters, nil for an index that is not scorch.
func (ix *Index) scorchStats() *scorch.Stats {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	st, _ := s.Stats().(*scorch.Stats)
	return st
}

// Settle waits until the index has been still for quiet, with no merge
// running: the merges scorch runs in the background after a batch are
// over. A benchmark that has just built an index waits for them, so that
// its build time includes them and its searches do not share the cores
// with them; a test that compares two searches waits for them, since a
// merge renumbers documents and equal scores are ordered by number.
func (ix *Index) Settle(ctx context.Context, quiet time.Duration) error {
	last, known := ix.busyEpoch()
	if !known {
		return nil
	}
	for still := time.Now(); time.Since(still) < quiet; {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(quiet / 10):
		}
		if e, _ := ix.busyEpoch(); e != last {
			last, still = e, time.Now()
		}
	}
	return nil
}

// busyEpoch is the root epoch, or a number no epoch has while a merge is
// under way (so that Settle does not count that time as still).
func (ix *Index) busyEpoch() (uint64, bool) {
	st := ix.scorchStats()
	if st == nil {
		return 0, false
	}
	if atomic.LoadUint64(&st.TotFileMergeZapBeg) != atomic.LoadUint64(&st.TotFileMergeZapEnd) ||
		atomic.LoadUint64(&st.TotMemMergeZapBeg) != atomic.LoadUint64(&st.TotMemMergeZapEnd) ||
		atomic.LoadUint64(&st.TotIntroduceMergeBeg) != atomic.LoadUint64(&st.TotIntroduceMergeEnd) {
		return ^uint64(0) - uint64(time.Now().UnixNano()), true // changes every look
	}
	return atomic.LoadUint64(&st.CurRootEpoch), true
}
