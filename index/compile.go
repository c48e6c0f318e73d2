package index

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// compiler turns a parsed query into a bleve query for one profile.
// analyzer tells which words carry meaning: a stop word alone ("och")
// matches nothing in the index, so as a required word it would make
// every search empty.
type compiler struct {
	prof     profile
	analyzer analysis.Analyzer
	fuzzy    map[string][]string // word -> index words near it, for the fuzzy fallback
}

func (c compiler) compile(pq parsedQuery) (query.Query, error) {
	var must []query.Query
	for _, group := range c.withSynonyms(pq.groups) {
		var either []query.Query
		for _, t := range group {
			q, err := c.termQuery(t)
			if err != nil {
				return nil, err
			}
			if q != nil {
				either = append(either, q)
			}
		}
		if len(either) > 0 {
			must = append(must, disjunction(either))
		}
	}
	var not []query.Query
	for _, t := range pq.excluded {
		q, err := c.termQuery(t)
		if err != nil {
			return nil, err
		}
		if q != nil {
			not = append(not, q)
		}
	}
	switch {
	case len(must) == 0 && len(not) == 0:
		return bleve.NewMatchAllQuery(), nil
	case len(not) == 0:
		// Without exclusions the boolean and a conjunction of one are
		// layers every hit passes through, each with its own bookkeeping
		// per hit, and they change no score: a searcher's score is its
		// children's, normalised by the same total weight at every level.
		return conjunction(must), nil
	}
	b := bleve.NewBooleanQuery()
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	b.AddMust(must...)
	b.AddMustNot(not...)
	return b, nil
}

// termQuery is one word or phrase in its field, or in every text field
// with their boosts; nil when the term has no word that is indexed.
func (c compiler) termQuery(t term) (query.Query, error) {
	if t.field == fieldMeetingDate {
		from, to, err := dateSpan(t.text)
		if err != nil {
			return nil, err
		}
		return dateRange(from, to), nil
	}
	if t.sub != nil {
		return c.compile(*t.sub)
	}
	if len(t.alternatives) > 0 {
		return c.alternatives(t)
	}
	if len(c.analyzer.Analyze([]byte(t.text))) == 0 {
		return nil, nil
	}
	fields := textFields
	if t.field != "" {
		fields = []textFieldBoost{{t.field, 1}}
	}
	var qs []query.Query
	for _, f := range fields {
		if q := c.fieldQuery(t, f.name, f.boost); q != nil {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return nil, nil
	}
	if ft := sameTermInFields(qs); ft != nil {
		return ft, nil
	}
	return disjunction(qs), nil
}

// sameTermInFields is qs as one fieldsTermQuery (termsearch.go) when qs
// are term queries for one term in two or more fields; nil otherwise.
func sameTermInFields(qs []query.Query) *fieldsTermQuery {
	if len(qs) < 2 {
		return nil
	}
	ft := &fieldsTermQuery{}
	for _, q := range qs {
		t, ok := q.(*query.TermQuery)
		if !ok || (ft.term != "" && t.Term != ft.term) {
			return nil
		}
		ft.term = t.Term
		ft.fields = append(ft.fields, textFieldBoost{t.Field(), t.Boost()})
	}
	return ft
}

// alternatives is a term the synonyms widened: any of its forms.
func (c compiler) alternatives(t term) (query.Query, error) {
	var qs []query.Query
	for _, alt := range t.alternatives {
		q, err := c.termQuery(alt)
		if err != nil {
			return nil, err
		}
		if q != nil {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return nil, nil
	}
	return disjunction(qs), nil
}

func (c compiler) fieldQuery(t term, field string, boost float64) query.Query {
	if !c.prof.ours {
		return stockQuery(t, field, boost)
	}
	var q query.Query
	switch {
	case t.phrase:
		q = exactPhrase(t.text, field)
	case t.stems != nil:
		q = stemPhrase(t.stems, field)
	default:
		q = c.words(t.text, field)
	}
	if q == nil {
		return nil
	}
	if b, ok := q.(query.BoostableQuery); ok {
		b.SetBoost(boost)
	}
	return q
}

// stockQuery is how a general engine set up by hand asks bleve: the
// field's analyzer for words and phrases alike. The evaluation's sv
// profile uses it.
func stockQuery(t term, field string, boost float64) query.Query {
	if t.phrase {
		q := bleve.NewMatchPhraseQuery(t.text)
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	q := bleve.NewMatchQuery(t.text)
	q.SetField(field)
	q.SetBoost(boost)
	// A word the analyzer splits ("hälso-", "2026/371") needs all parts.
	q.SetOperator(query.MatchQueryOperatorAnd)
	return q
}

// exactPhrase matches the words as written (phrase.go).
func exactPhrase(text, field string) query.Query {
	terms := phraseTerms(text)
	if len(terms) == 0 {
		return nil
	}
	if len(terms) == 1 {
		return termIn(terms[0], field)
	}
	return newPhraseQuery(terms, field)
}

// stemPhrase matches stems at neighbouring positions; "" stands for a
// stop word, which leaves its position empty in the index.
func stemPhrase(stems []string, field string) query.Query {
	if len(stems) == 1 {
		return termIn(stems[0], field)
	}
	return newPhraseQuery(stems, field)
}

// words: every word of the text must match, in any of its forms.
func (c compiler) words(text, field string) query.Query {
	var qs []query.Query
	for _, tok := range plainAnalyzer().Analyze([]byte(text)) {
		if q := c.word(string(tok.Term), tok.Type, field); q != nil {
			qs = append(qs, q)
		}
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// word is one lower-case word: its stem, which the index holds for the
// word itself and for compounds that have it as a part; or its parts
// written apart ("MiniMaria-verksamheten" for "minimariaverksamhet");
// or, in the fuzzy fallback, the index's words near it.
func (c compiler) word(w string, typ analysis.TokenType, field string) query.Query {
	if isStopWord(w) {
		return nil
	}
	stem := c.prof.stemOf(w, typ)
	qs := []query.Query{termIn(stem, field)}
	if typ == analysis.AlphaNumeric {
		for _, halves := range swedishLexicon().halves(w) {
			qs = append(qs, newPhraseQuery([]string{c.prof.stemOf(halves[0], typ), c.prof.stemOf(halves[1], typ)}, field))
		}
	}
	if base, ok := adjectiveOf(stem); ok {
		q := termIn(base, field)
		q.SetBoost(0.5)
		qs = append(qs, q)
	}
	for _, near := range c.fuzzy[w] {
		q := termIn(c.prof.stemOf(near, typ), field)
		q.SetBoost(0.5)
		qs = append(qs, q)
	}
	return disjunction(qs)
}

func termIn(term, field string) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}

func conjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

func disjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// dateRange matches meetings held from the first day to the last, both
// included; a zero time leaves that end open.
func dateRange(from, to time.Time) query.Query {
	incl := true
	q := bleve.NewDateRangeInclusiveQuery(from, to, &incl, &incl)
	q.SetField(fieldMeetingDate)
	return q
}

func typeQuery(typ string) query.Query {
	q := bleve.NewTermQuery(typ)
	q.SetField(fieldType)
	return q
}

func keywordQuery(field string, values []string) query.Query {
	var qs []query.Query
	for _, v := range values {
		q := bleve.NewTermQuery(v)
		q.SetField(field)
		qs = append(qs, q)
	}
	return disjunction(qs)
}

// adjectiveOf is the adjective a noun in -het is made from ("jämställd"
// for "jämställdhet", "trygg" for "trygghet"), when the lexicon knows it:
// an item that says "mer jämställd" is about jämställdhet.
func adjectiveOf(stem string) (string, bool) {
	base, ok := strings.CutSuffix(stem, "het")
	if !ok || utf8.RuneCountInString(base) < minPartRunes {
		return "", false
	}
	_, known := swedishLexicon().last.get(base)
	return base, known
}
