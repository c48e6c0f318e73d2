package index

import (
	"fmt"
	"math"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Typos. A query word that the index does not hold as a whole word (its
// exact form, before any splitting) gets the nearest word the index does
// hold as a suggestion, "menade du"; when a query finds nothing at all,
// the words near each query word are searched too, and the answer says
// so. Distance counts letters, not bytes (bleve's own fuzzy matching
// measures UTF-8 bytes, so "vard" is two edits from "vård"; see bleve
// issue 632), and a swap of two neighbouring letters is one edit, as
// typing makes them ("Välfrädrådet").

// maxEdits is how many edits a word of n letters may be from a word of
// the index and still be taken for it: none for short words, where one
// edit makes another word ("vård", "värd"), more for long ones.
func maxEdits(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	case n <= 10:
		return 2
	}
	return 3
}

// vocabulary is every whole word of the text fields, with the number of
// items that have it.
func (ix *Index) vocabulary() (wordInts, error) {
	vocab := map[string]int{}
	for _, f := range textFields {
		d, err := ix.bleve.FieldDictPrefix(f.name, []byte(exactPrefix))
		if err != nil {
			return wordInts{}, fmt.Errorf("vocabulary of %s: %w", f.name, err)
		}
		for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
			if err != nil {
				d.Close()
				return wordInts{}, fmt.Errorf("vocabulary of %s: %w", f.name, err)
			}
			vocab[strings.TrimPrefix(e.Term, exactPrefix)] += int(e.Count)
		}
		d.Close()
	}
	// in a map the garbage collector need not scan: at a million items
	// it holds hundreds of thousands of words (wordmap.go)
	return freezeInts(vocab), nil
}

// neighbours are the words of vocab within maxEdits of w, w itself left
// out, in the order vocab gives them, each with its distance and count;
// found once for each query word (didYouMean and fuzzyWords both ask).
type neighbour struct {
	word  string
	edits int
	items int
}

// neighbourhood remembers each word's neighbours for one search.
type neighbourhood struct {
	vocab wordInts
	memo  map[string][]neighbour
}

func newNeighbourhood(vocab wordInts) *neighbourhood {
	return &neighbourhood{vocab: vocab, memo: map[string][]neighbour{}}
}

func (nb *neighbourhood) of(w string) []neighbour {
	if ns, ok := nb.memo[w]; ok {
		return ns
	}
	limit := maxEdits(utf8.RuneCountInString(w))
	var ns []neighbour
	var ed editor
	ed.setA(w)
	for v, n := range nb.vocab.all() {
		if d := ed.distance(v, limit+1); d <= limit && v != w {
			ns = append(ns, neighbour{v, d, n})
		}
	}
	nb.memo[w] = ns
	return ns
}

// nearest is the neighbour of w with the fewest edits, the more frequent
// of equals; "" when there is none.
func (nb *neighbourhood) nearest(w string) string {
	best, bestD, bestN := "", math.MaxInt, 0
	for _, n := range nb.of(w) {
		if n.edits < bestD || (n.edits == bestD && n.items > bestN) {
			best, bestD, bestN = n.word, n.edits, n.items
		}
	}
	return best
}

// near are the neighbours of w.
func (nb *neighbourhood) near(w string) []string {
	var out []string
	for _, n := range nb.of(w) {
		out = append(out, n.word)
	}
	return out
}

// editDistance is the optimal string alignment distance between a and b
// in letters: insertions, deletions, substitutions and swaps of two
// neighbours each cost one. It stops early and returns limit once the
// distance must reach limit.
func editDistance(a, b string, limit int) int {
	var ed editor
	ed.setA(a)
	return ed.distance(b, limit)
}

// editor measures editDistance from one word to many (the whole
// vocabulary, for a misspelt word) with buffers kept between calls, and
// skips the table for a word that cannot be near: allocating the table
// and filling it for every word of the vocabulary was the cost of a
// misspelt query.
type editor struct {
	ra, rb           []rune
	letters          uint64 // a bit for each of a's letters, by code point mod 64
	prev2, prev, cur []int
}

func (e *editor) setA(a string) {
	e.ra = e.ra[:0]
	e.letters = 0
	for _, r := range a {
		e.ra = append(e.ra, r)
		e.letters |= 1 << (uint32(r) % 64)
	}
}

func (e *editor) distance(b string, limit int) int {
	e.rb = e.rb[:0]
	var letters uint64
	for _, r := range b {
		e.rb = append(e.rb, r)
		letters |= 1 << (uint32(r) % 64)
	}
	ra, rb := e.ra, e.rb
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	// Every letter one word has and the other lacks costs an edit of its
	// own (a swap moves letters, the other edits change one each), so
	// the letters alone can show the distance reaches limit. Letters
	// that share a bit are counted once: fewer, never more.
	if bits.OnesCount64(e.letters&^letters) >= limit || bits.OnesCount64(letters&^e.letters) >= limit {
		return limit
	}
	n := len(rb) + 1
	if cap(e.cur) < n {
		e.prev2, e.prev, e.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := e.prev2[:n], e.prev[:n], e.cur[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit)
}

// queryWords are the words of the query a person may have misspelt: in
// plain terms and phrases, not in field values such as dates.
func queryWords(pq parsedQuery) []string {
	var out []string
	pq.terms(func(t term) {
		if t.negate || t.field == fieldMeetingDate {
			return
		}
		for _, tok := range plainAnalyzer().Analyze([]byte(t.text)) {
			out = append(out, string(tok.Term))
		}
	})
	return out
}

// didYouMean is the query with each word the index lacks replaced by its
// nearest word, or "" when every word is there or none has a neighbour.
func didYouMean(q string, words []string, nb *neighbourhood) string {
	out, changed := q, false
	for _, w := range words {
		if nb.vocab.has(w) || isStopWord(w) {
			continue
		}
		if n := nb.nearest(w); n != "" {
			out = replaceWord(out, w, n)
			changed = true
		}
	}
	if !changed {
		return ""
	}
	return out
}

// replaceWord replaces w in q, matched without regard to case, by r.
func replaceWord(q, w, r string) string {
	i := strings.Index(strings.ToLower(q), w)
	if i < 0 || len(strings.ToLower(q)) != len(q) {
		return q
	}
	return q[:i] + r + q[i+len(w):]
}

// fuzzyWords maps each query word to the index's words near it, for the
// fallback search.
func fuzzyWords(words []string, nb *neighbourhood) map[string][]string {
	out := map[string][]string{}
	for _, w := range words {
		if isStopWord(w) {
			continue
		}
		if ns := nb.near(w); len(ns) > 0 {
			out[w] = capNear(ns, nb.vocab) // limits.go
		}
	}
	return out
}
