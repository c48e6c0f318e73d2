package index

import (
	"hash/maphash"
	"iter"
	"strings"
)

// wordMap is a read-only map from words to values that the garbage
// collector never has to scan. The lexicon's maps of strings held about
// a million strings, 23 MB of pointers that every collection marked
// again, and collections were a quarter of a server's CPU and an eighth
// of an ingest's (docs/performance.md). Here the words live in one
// string, the values in a slice without pointers, and the map from a
// word's hash to its place holds numbers only. Two words with one hash
// (not expected among a million 64-bit hashes, but possible) go to a
// small ordinary map.
type wordMap[V any] struct {
	blob string
	keys []span
	vals []V
	idx  map[uint64]uint32 // hash of a word -> its place
	more map[string]uint32 // words whose hash another word has
	seed maphash.Seed
}

// span is a piece of a wordMap's blob.
type span struct{ off, n uint32 }

// freezeWords makes a wordMap of m, with val turning each value into
// what the map keeps (a span of the blob for a string, say).
func freezeWords[V, W any](m map[string]W, val func(b *strings.Builder, w W) V) *wordMap[V] {
	wm := &wordMap[V]{idx: make(map[uint64]uint32, len(m)), seed: maphash.MakeSeed()}
	var b strings.Builder
	for k, w := range m {
		place := uint32(len(wm.keys))
		wm.keys = append(wm.keys, intern(&b, k))
		wm.vals = append(wm.vals, val(&b, w))
		h := maphash.String(wm.seed, k)
		if _, taken := wm.idx[h]; taken {
			if wm.more == nil {
				wm.more = map[string]uint32{}
			}
			wm.more[k] = place
			continue
		}
		wm.idx[h] = place
	}
	wm.blob = b.String()
	return wm
}

// intern adds s to the blob being built.
func intern(b *strings.Builder, s string) span {
	sp := span{uint32(b.Len()), uint32(len(s))}
	b.WriteString(s)
	return sp
}

func (wm *wordMap[V]) str(s span) string { return wm.blob[s.off : s.off+s.n] }

// get is the value of word k.
func (wm *wordMap[V]) get(k string) (V, bool) {
	var zero V
	if wm == nil {
		return zero, false
	}
	if place, ok := wm.idx[maphash.String(wm.seed, k)]; ok && wm.str(wm.keys[place]) == k {
		return wm.vals[place], true
	}
	if place, ok := wm.more[k]; ok {
		return wm.vals[place], true
	}
	return zero, false
}

// wordStrings is a wordMap of words to words.
type wordStrings struct{ m *wordMap[span] }

func freezeStrings(m map[string]string) wordStrings {
	return wordStrings{freezeWords(m, intern)}
}

func (ws wordStrings) get(k string) (string, bool) {
	s, ok := ws.m.get(k)
	if !ok {
		return "", false
	}
	return ws.m.str(s), true
}

// wordInts is a wordMap of words to numbers.
type wordInts struct{ m *wordMap[int] }

func freezeInts(m map[string]int) wordInts {
	return wordInts{freezeWords(m, func(_ *strings.Builder, n int) int { return n })}
}

// get is k's number, 0 when k has none.
func (wi wordInts) get(k string) int {
	n, _ := wi.m.get(k)
	return n
}

// all is every word with its number, in no order.
func (wi wordInts) all() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		if wi.m == nil {
			return
		}
		for i, k := range wi.m.keys {
			if !yield(wi.m.str(k), wi.m.vals[i]) {
				return
			}
		}
	}
}

// len is the number of words.
func (wi wordInts) len() int {
	if wi.m == nil {
		return 0
	}
	return len(wi.m.keys)
}

// has reports whether k has a number.
func (wi wordInts) has(k string) bool {
	_, ok := wi.m.get(k)
	return ok
}
