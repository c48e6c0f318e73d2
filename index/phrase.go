package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// Exact phrases. A quoted phrase means the words as written: "God och
// Nära vård" is not "god men nära vård", which bleve's Swedish chain
// finds, since it drops "och" and leaves an empty slot where any word
// fits. So every word is also indexed unstemmed, stop words kept, as the
// word with exactPrefix before it, at the word's own position and with
// its offsets, in the same field as the stemmed word. A quoted phrase is
// a phrase of those terms; unquoted words never meet them. Keeping both
// in one field keeps one set of term locations per field, for
// highlighting and for mentions, and the exact terms are also the
// index's vocabulary of whole words, unsplit, for "menade du".

// exactPrefix cannot begin a term of the tokenizer, which emits letters
// and digits only.
const exactPrefix = "="

// exactFilter puts the exact form of every token before the token.
type exactFilter struct{}

func (exactFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, 2*len(input))
	for _, t := range input {
		exact := *t
		exact.Term = append([]byte(exactPrefix), t.Term...)
		exact.KeyWord = true
		out = append(out, &exact, t)
	}
	return out
}

// exactTerms are the exact terms of a phrase as typed.
func exactTerms(phrase string) []string {
	var out []string
	for _, t := range plainAnalyzer().Analyze([]byte(phrase)) {
		out = append(out, exactPrefix+string(t.Term))
	}
	return out
}
