package index

import (
	"sync"
	"sync/atomic"
)

// memo remembers a function's results by word, for the analysis: a
// word's split (decompound.go) takes a lexicon lookup for every piece it
// might begin with, each a likely cache miss in a table of a million
// words, and the decompounder and the stemmer both split every long word.
// Words repeat, so most are now split once: the chain over every item of
// the bench corpora took 17 % less time at 20k items, 12 % less at 100k
// (docs/performance.md). The function must depend on the word alone.
// Only the first memoMax words are kept, so that a server that analyses
// for ever holds a few megabytes at most; the rest are computed each
// time, as before.
type memo[V any] struct {
	m sync.Map // word -> V; read by every analysis worker at once
	n atomic.Int64
}

const memoMax = 1 << 16

// get is f(word), remembered.
func (c *memo[V]) get(word string, f func(string) V) V {
	if v, ok := c.m.Load(word); ok {
		return v.(V)
	}
	v := f(word)
	if c.n.Load() < memoMax {
		if _, loaded := c.m.LoadOrStore(word, v); !loaded {
			c.n.Add(1)
		}
	}
	return v
}
