package index

import (
	"context"
	"math/bits"
	"sync"
)

// Term at a time. A one-word search by relevance (onepass.go) needs every
// hit's score and nothing else of it; a segment's hits are scored a field
// at a time into an array by local document number, then read out in
// document order. Merging the fields' postings document by document
// (next, least) compared six current postings for every hit; here each
// field's postings are read in one tight loop. A hit's field scores are
// added in the fields' order, as next adds them, so scores are the same
// to the bit.

// accumulator holds a segment's partial scores: score and fields by local
// document number, seen a bit per document with a score.
type accumulator struct {
	score  []float64
	fields []uint8
	seen   []uint64
}

var accumulators = sync.Pool{New: func() any { return &accumulator{} }}

// reset readies acc for a segment of n documents; every entry is zero
// (scoreAll leaves them zero when it is done with them).
func (acc *accumulator) reset(n int) {
	if cap(acc.score) < n {
		acc.score, acc.fields = make([]float64, n), make([]uint8, n)
		acc.seen = make([]uint64, (n+63)/64)
	}
	acc.score, acc.fields, acc.seen = acc.score[:n], acc.fields[:n], acc.seen[:(n+63)/64]
}

// scoreAll calls visit with the global number and score of every hit of
// the searcher's segments, in document order. The searcher must not have
// begun and must not give locations.
func (s *fieldsTermSearcher) scoreAll(ctx context.Context, visit func(doc uint64, score float64)) error {
	acc := accumulators.Get().(*accumulator)
	defer accumulators.Put(acc)
	nf := float64(len(s.fields))
	for i := s.seg; i < s.end(); i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		acc.reset(int(s.segs[i].Segment().Count()))
		for _, f := range s.fields {
			pl := f.pls[i]
			if pl == nil || pl.Count() == 0 {
				continue
			}
			it := pl.Iterator(true, true, false, nil)
			for {
				p, err := it.Next()
				if err != nil {
					clear(acc.score)
					clear(acc.fields)
					clear(acc.seen)
					return err
				}
				if p == nil {
					break
				}
				d := p.Number()
				acc.score[d] += f.score(p.Frequency(), p.Norm())
				acc.fields[d]++
				acc.seen[d/64] |= 1 << (d % 64)
			}
		}
		start := s.starts[i]
		for w, word := range acc.seen {
			for word != 0 {
				d := w*64 + bits.TrailingZeros64(word)
				word &= word - 1
				visit(start+uint64(d), acc.score[d]*(float64(acc.fields[d])/nf))
				acc.score[d], acc.fields[d] = 0, 0
			}
			acc.seen[w] = 0
		}
	}
	return nil
}
