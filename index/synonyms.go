package index

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
)

// Abbreviations and synonyms are applied to queries, from synonyms.txt:
// a run of query words that is one form of a set becomes "any form of
// the set". Query time rather than index time, so that the list can
// grow without reindexing, and so that an abbreviation in a phrase
// typed in quotes stays as typed.
//
//go:embed synonyms.txt
var synonymsTxt string

// synonymSet is one line of synonyms.txt: its forms as typed.
type synonymSet []string

var synonymSets = sync.OnceValue(func() []synonymSet {
	var out []synonymSet
	for _, line := range strings.Split(synonymsTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var set synonymSet
		for _, form := range strings.Split(line, " = ") {
			set = append(set, strings.TrimSpace(form))
		}
		out = append(out, set)
	}
	return out
})

// stems are the index terms of a text's words, "" for a stop word, whose
// position the index leaves empty.
func (p profile) stems(text string) []string {
	var out []string
	for _, tok := range plainAnalyzer().Analyze([]byte(text)) {
		w := string(tok.Term)
		if isStopWord(w) {
			out = append(out, "")
			continue
		}
		out = append(out, p.stemOf(w, tok.Type))
	}
	return out
}

// withSynonyms replaces each run of plain query words that is a form of
// a synonym set by one term with every form of the set as alternatives.
// The longest run starting at a word wins.
func (c compiler) withSynonyms(groups [][]term) [][]term {
	if !c.prof.ours {
		return groups
	}
	var out [][]term
	for i := 0; i < len(groups); i++ {
		if n, alt, ok := c.synonymAt(groups, i); ok {
			out = append(out, []term{alt})
			i += n - 1
			continue
		}
		out = append(out, groups[i])
	}
	return out
}

// maxSynonymWords bounds the run of query words tried against the sets.
const maxSynonymWords = 10

func (c compiler) synonymAt(groups [][]term, i int) (int, term, bool) {
	var stems []string
	var runs [][]string
	for j := i; j < len(groups) && j < i+maxSynonymWords && plainWord(groups[j]); j++ {
		stems = append(stems, c.prof.stems(groups[j][0].text)...)
		runs = append(runs, slices.Clone(stems))
	}
	for n := len(runs); n > 0; n-- {
		for k, set := range synonymSets() {
			if c.setHas(k, runs[n-1]) {
				return n, c.alternativesOf(set, groups[i][0].field), true
			}
		}
	}
	return 0, term{}, false
}

// plainWord: an OR-less, unquoted, not excluded word.
func plainWord(g []term) bool {
	return len(g) == 1 && g[0].sub == nil && !g[0].phrase && !g[0].negate && g[0].field != fieldMeetingDate && len(g[0].alternatives) == 0
}

// setHas reports whether a form of synonym set k has the stems given.
func (c compiler) setHas(k int, stems []string) bool {
	for _, form := range c.prof.formStems()[k] {
		if slices.Equal(form, stems) {
			return true
		}
	}
	return false
}

// formStemsCache holds formStems by profile name.
var formStemsCache sync.Map

// formStems are the stems of each form of each synonym set, by set and
// form, analysed once per profile: analysing every form again for each
// word of every query was a sixth of a search for a rare word.
func (p profile) formStems() [][][]string {
	if v, ok := formStemsCache.Load(p.name); ok {
		return v.([][][]string)
	}
	sets := synonymSets()
	out := make([][][]string, len(sets))
	for k, set := range sets {
		for _, form := range set {
			out[k] = append(out[k], p.stems(form))
		}
	}
	v, _ := formStemsCache.LoadOrStore(p.name, out)
	return v.([][][]string)
}

func (c compiler) alternativesOf(set synonymSet, field string) term {
	t := term{field: field, text: strings.Join(set, " OR ")}
	for _, form := range set {
		stems := c.prof.stems(form)
		if len(stems) == 1 {
			t.alternatives = append(t.alternatives, term{field: field, text: form})
			continue
		}
		t.alternatives = append(t.alternatives, term{field: field, text: form, stems: stems})
	}
	return t
}

var stopWords = sync.OnceValue(func() analysis.TokenMap {
	tm := analysis.NewTokenMap()
	if err := tm.LoadBytes(sv.SwedishStopWords); err != nil {
		panic(err) // bleve's own list
	}
	return tm
})

func isStopWord(w string) bool {
	_, ok := stopWords()[w]
	return ok
}
