package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Suggestion is a completion of a word being typed: a word of the
// minutes, an item's title or a speaker's name.
type Suggestion struct {
	Text  string `json:"text"`
	Kind  string `json:"kind"`  // SuggestWord, SuggestTitle or SuggestSpeaker
	Count int    `json:"count"` // items among those sampled that have it
}

// Suggestion kinds.
const (
	SuggestWord    = "word"
	SuggestTitle   = "title"
	SuggestSpeaker = "speaker"
)

// Bounds of Suggest: a prefix shorter than minSuggestPrefix matches too
// much to help, and suggestSample items are enough to rank completions.
const (
	minSuggestPrefix = 2
	suggestSample    = 100
)

// suggestFields are searched for the prefix; the speakers field brings in
// items whose speaker's name starts with it.
var suggestFields = []string{fieldTitle, fieldBody, fieldDecisions, fieldSpeakers}

// Suggest completes prefix, the start of a word as typed, with at most
// limit suggestions of each kind, most frequent first.
//
// The index holds stems ("vård" for "vården"), which are poor text to
// offer a person, so Suggest searches the terms that begin with the
// prefix (or with the prefix's own stem, as "vården" has the stem "vård")
// and reads the words people wrote at the places the terms were found.
// It samples the best suggestSample items rather than the whole index,
// which keeps it fast as the archive grows.
func (ix *Index) Suggest(ctx context.Context, prefix string, limit int) ([]Suggestion, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if utf8.RuneCountInString(prefix) < minSuggestPrefix || limit < 1 {
		return []Suggestion{}, nil
	}
	req := bleve.NewSearchRequestOptions(ix.suggestQuery(prefix), suggestSample, 0, false)
	req.Fields = []string{fieldTitle, fieldBody, fieldDecisions, fieldSpeaker}
	req.IncludeLocations = true
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("suggest %q: %w", prefix, err)
	}
	t := newTally()
	for _, dm := range res.Hits {
		t.add(dm, prefix)
	}
	return t.best(limit), nil
}

// suggestQuery matches the prefix as typed and as the analyzer reads the
// whole of it: the stem ("vårdtid" for "vårdtider") or any other form the
// chain makes of the word as a whole. Tokens of parts of the word (the
// "vård" of a compound) are left out, as they would match far more than
// was typed.
func (ix *Index) suggestQuery(prefix string) query.Query {
	stems := []string{prefix}
	analyzer := ix.bleve.Mapping().AnalyzerNamed(swedishAnalyzer)
	for _, tok := range analyzer.Analyze([]byte(prefix)) {
		if term := string(tok.Term); tok.Start == 0 && tok.End == len(prefix) && !slices.Contains(stems, term) {
			stems = append(stems, term)
		}
	}
	var qs []query.Query
	for _, s := range stems {
		for _, f := range suggestFields {
			q := bleve.NewPrefixQuery(s)
			q.SetField(f)
			qs = append(qs, q)
		}
	}
	return bleve.NewConjunctionQuery(typeQuery(typeItem), bleve.NewDisjunctionQuery(qs...))
}

// tally counts, per kind, the items each completion was found in, and
// the way each word was most often written.
type tally struct {
	counts map[Suggestion]int // by Text (lower case for words) and Kind
	forms  map[string]map[string]int
}

func newTally() *tally {
	return &tally{counts: map[Suggestion]int{}, forms: map[string]map[string]int{}}
}

func (t *tally) add(dm *search.DocumentMatch, prefix string) {
	seen := map[Suggestion]bool{}
	count := func(s Suggestion) {
		if !seen[s] {
			seen[s] = true
			t.counts[s]++
		}
	}
	for _, field := range []string{fieldTitle, fieldBody, fieldDecisions} {
		texts := strs(dm.Fields[field])
		for _, w := range surfaceWords(texts, dm.Locations[field], prefix) {
			count(Suggestion{Text: strings.ToLower(w), Kind: SuggestWord})
			t.form(w)
			if field == fieldTitle && len(texts) > 0 {
				count(Suggestion{Text: texts[0], Kind: SuggestTitle})
			}
		}
	}
	for _, name := range strs(dm.Fields[fieldSpeaker]) {
		if wordStartsWith(name, prefix) {
			count(Suggestion{Text: name, Kind: SuggestSpeaker})
		}
	}
}

func (t *tally) form(w string) {
	key := strings.ToLower(w)
	if t.forms[key] == nil {
		t.forms[key] = map[string]int{}
	}
	t.forms[key][w]++
}

// best returns up to limit suggestions of each kind, words first, each
// kind by count and then alphabetically, words as most often written.
func (t *tally) best(limit int) []Suggestion {
	out := []Suggestion{}
	for _, kind := range []string{SuggestWord, SuggestSpeaker, SuggestTitle} {
		var ofKind []Suggestion
		for s, n := range t.counts {
			if s.Kind == kind {
				s.Count = n
				ofKind = append(ofKind, s)
			}
		}
		slices.SortFunc(ofKind, func(a, b Suggestion) int {
			return cmp.Or(b.Count-a.Count, strings.Compare(a.Text, b.Text))
		})
		for _, s := range ofKind[:min(limit, len(ofKind))] {
			if kind == SuggestWord {
				s.Text = t.usual(s.Text)
			}
			out = append(out, s)
		}
	}
	return out
}

// usual is the most frequent way a word was written, lower case on a tie,
// so that a word that opens sentences is not offered capitalised.
func (t *tally) usual(word string) string {
	best, n := word, t.forms[word][word]
	for form, c := range t.forms[word] {
		if c > n || (c == n && best != word && form < best) {
			best, n = form, c
		}
	}
	return best
}

// surfaceWords returns the words as written at the locations whose text
// begins with prefix. A location covers the word the analyzer read, which
// may be a part of a longer word (a compound); the whole word is taken.
func surfaceWords(texts []string, locs search.TermLocationMap, prefix string) []string {
	var out []string
	for _, ls := range locs {
		for _, l := range ls {
			i := 0
			if len(l.ArrayPositions) > 0 {
				i = int(l.ArrayPositions[0])
			}
			if i >= len(texts) || int(l.End) > len(texts[i]) || l.Start >= l.End {
				continue
			}
			w := wordAround(texts[i], int(l.Start), int(l.End))
			if strings.HasPrefix(strings.ToLower(w), prefix) {
				out = append(out, w)
			}
		}
	}
	return out
}

// wordAround widens [start, end) to the letters and digits around it.
func wordAround(s string, start, end int) string {
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	return s[start:end]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordStartsWith reports whether a word of s begins with prefix, which is
// in lower case.
func wordStartsWith(s, prefix string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		if strings.HasPrefix(strings.ToLower(w), prefix) {
			return true
		}
	}
	return false
}
