package index

import (
	"cmp"
	"slices"
)

// maxFuzzyExpansions bounds the index words one query word is widened to
// in the fuzzy fallback (didyoumean.go): a short word in a large index
// can lie within an edit of hundreds of words, and each becomes a term
// of the query. The most frequent are kept.
const maxFuzzyExpansions = 16

// capNear keeps the maxFuzzyExpansions words of ns most frequent in vocab.
func capNear(ns []string, vocab wordInts) []string {
	if len(ns) <= maxFuzzyExpansions {
		return ns
	}
	slices.SortFunc(ns, func(a, b string) int {
		return cmp.Or(cmp.Compare(vocab.get(b), vocab.get(a)), cmp.Compare(a, b))
	})
	return ns[:maxFuzzyExpansions]
}
