package index

import (
	"fmt"
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

// nearest is the word of vocab closest to w within maxEdits, the more
// frequent of equals; "" when there is none.
func nearest(w string, vocab wordInts) string {
	limit := maxEdits(utf8.RuneCountInString(w))
	best, bestD, bestN := "", limit+1, 0
	for v, n := range vocab.all() {
		d := editDistance(w, v, limit+1)
		if d <= limit && (d < bestD || (d == bestD && n > bestN)) {
			best, bestD, bestN = v, d, n
		}
	}
	return best
}

// near are the words of vocab within maxEdits of w.
func near(w string, vocab wordInts) []string {
	limit := maxEdits(utf8.RuneCountInString(w))
	var out []string
	for v := range vocab.all() {
		if v != w && editDistance(w, v, limit+1) <= limit {
			out = append(out, v)
		}
	}
	return out
}

// editDistance is the optimal string alignment distance between a and b
// in letters: insertions, deletions, substitutions and swaps of two
// neighbours each cost one. It stops early and returns limit once the
// distance must reach limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
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
func didYouMean(q string, words []string, vocab wordInts) string {
	out, changed := q, false
	for _, w := range words {
		if vocab.has(w) || isStopWord(w) {
			continue
		}
		if n := nearest(w, vocab); n != "" {
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
func fuzzyWords(words []string, vocab wordInts) map[string][]string {
	out := map[string][]string{}
	for _, w := range words {
		if isStopWord(w) {
			continue
		}
		if ns := near(w, vocab); len(ns) > 0 {
			out[w] = capNear(ns, vocab) // limits.go
		}
	}
	return out
}
