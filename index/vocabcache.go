package index

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// vocabCache keeps the vocabulary (didyoumean.go) of one state of the
// index. Reading it walks the dictionary of every text field, which at
// 100,000 items took three quarters of every search's time; the index
// changes only when something is put, so it is read again only then. The
// state is scorch's root epoch, which every batch (and every merge)
// advances. The map is shared: callers must not change it.
type vocabCache struct {
	mu    sync.Mutex
	epoch uint64
	vocab map[string]int
}

// cachedVocabulary is vocabulary, read once per state of the index.
func (ix *Index) cachedVocabulary() (map[string]int, error) {
	epoch, known := ix.rootEpoch()
	c := &ix.vocab
	c.mu.Lock()
	defer c.mu.Unlock()
	if known && c.vocab != nil && c.epoch == epoch {
		return c.vocab, nil
	}
	v, err := ix.vocabulary()
	if err != nil {
		return nil, err
	}
	if known {
		c.epoch, c.vocab = epoch, v
	}
	return v, nil
}

// rootEpoch is the number of the index's current snapshot; known is
// false for an index that is not scorch.
func (ix *Index) rootEpoch() (epoch uint64, known bool) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return 0, false
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return 0, false
	}
	st, ok := s.Stats().(*scorch.Stats)
	if !ok {
		return 0, false
	}
	return atomic.LoadUint64(&st.CurRootEpoch), true
}
