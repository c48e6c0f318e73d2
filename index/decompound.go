package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Decompounding. Swedish writes compounds as one word
// ("hemsjukvårdsavtalet"), and a reader searching for "avtal" or
// "hemsjukvård" means that word too. The filter keeps every word as it is
// and adds its parts at the word's own position, so that a phrase still
// sees one word there, with byte offsets that point into the word, so
// that a highlight marks "avtalet" inside it. bleve's dict_compound filter
// counts offsets in runes (wrong after å, ä, ö) and adds every dictionary
// word found inside a word; this one chooses one split or none.
//
// Which split: every way to cut the word into pieces the lexicon allows
// (a first piece, inner pieces, a last piece that may end a compound,
// linking letters included in the forms) is scored by the geometric mean
// of its pieces' corpus frequencies, and the best is taken only if it
// beats the frequency of the word itself (Koehn and Knight 2003). A word
// used often as a whole ("verksamhet", "samverkan", "regionen") stays
// whole, and so does one no split explains ("Dalarna").

// tokenPart marks tokens the decompounder adds, so that a query can tell
// a word from the parts it was split into.
const tokenPart analysis.TokenType = 100

// Bounds on splitting: pieces shorter than minPartRunes ("ek", "en")
// split too much, words shorter than minCompoundRunes are rarely
// compounds, and more than maxParts pieces are rarely right.
const (
	minPartRunes     = 3
	minCompoundRunes = 6
	maxParts         = 4
)

// notParts are words that the dictionary allows as pieces but that, as a
// piece, are almost always a prefix or a particle of one word
// ("förslag" is not för + slag, "uppdrag" not upp + drag).
var notParts = map[string]bool{
	"för": true, "upp": true, "till": true, "över": true, "under": true, "efter": true,
	"mot": true, "med": true, "vid": true, "fram": true, "sam": true, "miss": true,
	"ann": true, "and": true, "ting": true, "het": true, "lig": true, "ning": true,
	"ande": true, "ende": true, "are": true, "ares": true, "erna": true, "arna": true,
	"orna": true, "ett": true, "den": true, "det": true, "inne": true, "ute": true,
}

// piece is one part of a split word: bytes [start, end) of the word and
// the lemma it stands for.
type piece struct {
	start, end int
	lemma      string
}

// split returns the pieces of a lower-case word, or nil to keep it whole.
// The pieces are shared: callers must not change them.
func (l *lexicon) split(word string) []piece {
	if utf8.RuneCountInString(word) < minCompoundRunes {
		return nil
	}
	return l.splits.get(word, l.splitWord)
}

func (l *lexicon) splitWord(word string) []piece {
	s := splitter{lex: l, word: word}
	s.walk(0, nil)
	if s.best == nil || s.bestScore <= float64(l.wholeFreq(word)) {
		return nil
	}
	return s.best
}

// wholeFreq is how often the word occurs as itself.
func (l *lexicon) wholeFreq(word string) int {
	lemma, _ := l.ending(word)
	return l.freq.get(lemma)
}

type splitter struct {
	lex       *lexicon
	word      string
	best      []piece
	bestScore float64
}

// walk tries every piece that may start at byte i, after the pieces so far.
func (s *splitter) walk(i int, so []piece) {
	if len(so) == maxParts {
		return
	}
	runes := 0
	for j := i; j < len(s.word); {
		_, size := utf8.DecodeRuneInString(s.word[j:])
		j += size
		runes++
		if runes < minPartRunes {
			continue
		}
		form := s.word[i:j]
		if j == len(s.word) {
			if lemma, ok := s.lex.ending(form); ok && len(so) > 0 && !notParts[lemma] {
				s.consider(append(so, piece{i, j, lemma}))
			}
			continue
		}
		if lemma, ok := s.lex.joining(form, len(so) == 0); ok && !notParts[lemma] {
			s.walk(j, append(so[:len(so):len(so)], piece{i, j, lemma}))
		}
	}
}

// joining says whether form may stand before another piece: first in
// the word, or inside it.
func (l *lexicon) joining(form string, first bool) (string, bool) {
	if lemma, ok := l.first.get(form); ok {
		return lemma, true
	}
	if first {
		return "", false
	}
	lemma, ok := l.inner.get(form)
	return lemma, ok
}

// consider keeps the split with the highest geometric mean of its
// pieces' frequencies (plus one, so that an unseen piece does not zero
// the product); fewer pieces win a tie.
func (s *splitter) consider(ps []piece) {
	score := 1.0
	for _, p := range ps {
		score *= float64(s.lex.freq.get(p.lemma) + 1)
	}
	score = nthRoot(score, len(ps))
	if s.best == nil || score > s.bestScore || (score == s.bestScore && len(ps) < len(s.best)) {
		s.best = append([]piece(nil), ps...)
		s.bestScore = score
	}
}

func nthRoot(x float64, n int) float64 {
	if n <= 1 {
		return x
	}
	lo, hi := 0.0, max(1, x)
	for range 60 {
		mid := (lo + hi) / 2
		p := 1.0
		for range n {
			p *= mid
		}
		if p < x {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// decompoundFilter is the token filter: each word of several pieces is
// followed by its pieces and by the runs of two or more neighbouring
// pieces ("sjukvård", "hemsjukvård" in "hemsjukvårdsavtalet").
type decompoundFilter struct{ lex *lexicon }

func (f decompoundFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	for _, t := range input {
		out = append(out, t)
		if t.KeyWord || t.Type != analysis.AlphaNumeric {
			continue
		}
		if ps := f.lex.split(string(t.Term)); ps != nil {
			out = append(out, partTokens(t, ps)...)
		}
	}
	return out
}

// partTokens are the pieces of t and their runs, at t's position. Their
// offsets are t's plus the piece's bytes in the term, which are the
// input's bytes unless lower-casing changed a letter's length; then each
// part points at the whole word, which is still inside the input.
func partTokens(t *analysis.Token, ps []piece) []*analysis.Token {
	word := string(t.Term)
	exact := t.End-t.Start == len(t.Term)
	var out []*analysis.Token
	for i := range ps {
		for j := i; j < len(ps); j++ {
			if i == 0 && j == len(ps)-1 {
				continue // the word itself
			}
			text, start, end := run(word, ps[i:j+1], j == len(ps)-1)
			tok := &analysis.Token{Term: []byte(text), Position: t.Position, Type: tokenPart, Start: t.Start, End: t.End}
			if exact {
				tok.Start, tok.End = t.Start+start, t.Start+end
			}
			out = append(out, tok)
		}
	}
	return out
}

// run is the text of neighbouring pieces and the bytes they cover: the
// last piece as its lemma, without the linking letter of a first piece
// ("avtals" is "avtal"), unless it ends the word, where the stemmer
// handles its inflection.
func run(word string, ps []piece, atEnd bool) (string, int, int) {
	first, last := ps[0], ps[len(ps)-1]
	if atEnd {
		return word[first.start:last.end], first.start, last.end
	}
	text := word[first.start:last.start] + last.lemma
	end := last.end
	if len(word) >= last.start+len(last.lemma) && word[last.start:last.start+len(last.lemma)] == last.lemma {
		end = last.start + len(last.lemma)
	}
	return text, first.start, end
}

// halves are the ways to cut a word in two at a boundary of its pieces,
// each half as the word it would be written alone: "minimariaverksamhet"
// gives [mini mariaverksamhet] and [minimaria verksamhet].
func (l *lexicon) halves(word string) [][2]string {
	ps := l.split(word)
	var out [][2]string
	for k := 1; k < len(ps); k++ {
		left, _, _ := run(word, ps[:k], false)
		right, _, _ := run(word, ps[k:], true)
		out = append(out, [2]string{left, right})
	}
	return out
}
