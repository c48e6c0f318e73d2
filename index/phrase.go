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

// exactFilter puts the exact form of every token before the token, and
// beside a common word its pairs with its neighbours.
type exactFilter struct{}

func (exactFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, 2*len(input))
	for i, t := range input {
		exact := *t
		exact.Term = append([]byte(exactPrefix), t.Term...)
		exact.KeyWord = true
		out = append(out, &exact)
		if commonWords[string(t.Term)] && i > 0 && input[i-1].Position == t.Position-1 {
			out = append(out, pairToken(t, pairTerm(string(input[i-1].Term), string(t.Term))))
		}
		out = append(out, t)
	}
	return out
}

// Common-word pairs. A phrase with "och" in it ("God och Nära vård")
// must check that "och" stands between its neighbours, and reading the
// positions of a word that nearly every item has, in nearly every item,
// was two thirds of such a search (docs/performance.md). So each common
// word is also indexed paired with the word before it ("~god<och"), at
// the common word's own position and with its offsets, and a phrase asks
// for the pair instead of the common word alone: a rare term at the same
// place, marking the same text. Pairs with the word after would serve a
// phrase that begins with a common word; they would double the pairs'
// cost in index size for phrases nobody quotes, so such a phrase reads
// the common word itself, as before. The pairs have a prefix of their
// own so that the exact terms stay the index's vocabulary of whole words
// ("menade du").
const pairPrefix = "~"

// commonWords are the words paired: the commonest words of Swedish
// minutes, each in most items.
var commonWords = map[string]bool{
	"och": true, "i": true, "att": true, "som": true, "en": true, "på": true,
	"det": true, "är": true, "för": true, "av": true, "med": true, "till": true,
	"den": true, "har": true, "de": true, "inte": true, "om": true, "ett": true,
	"vi": true, "kan": true, "ska": true, "men": true, "så": true, "vid": true,
	"från": true, "eller": true, "var": true, "sig": true, "jag": true,
}

// pairTerm is common after prev, found at common's position.
func pairTerm(prev, common string) string { return pairPrefix + prev + "<" + common }

func pairToken(t *analysis.Token, term string) *analysis.Token {
	p := *t
	p.Term = []byte(term)
	p.KeyWord = true
	return &p
}

// exactTerms are the exact terms of a phrase as typed.
func exactTerms(phrase string) []string {
	var out []string
	for _, w := range phraseWords(phrase) {
		out = append(out, exactPrefix+w)
	}
	return out
}

func phraseWords(phrase string) []string {
	var out []string
	for _, t := range plainAnalyzer().Analyze([]byte(phrase)) {
		out = append(out, string(t.Term))
	}
	return out
}

// phraseTerms are the terms a phrase is searched by: each word's exact
// term, or for a common word after the phrase's first its pair with the
// word before it.
func phraseTerms(phrase string) []string {
	words := phraseWords(phrase)
	out := make([]string, len(words))
	for i, w := range words {
		if commonWords[w] && i > 0 {
			out[i] = pairTerm(words[i-1], w)
		} else {
			out[i] = exactPrefix + w
		}
	}
	return out
}
