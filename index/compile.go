package index

import (
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// compile turns a parsed query into a bleve query. analyzer tells which
// words carry meaning: a stop word alone ("och") matches nothing in the
// index, so as a required word it would make every search empty.
func compile(pq parsedQuery, analyzer analysis.Analyzer) (query.Query, error) {
	var must []query.Query
	for _, group := range pq.groups {
		var either []query.Query
		for _, t := range group {
			q, err := termQuery(t, analyzer)
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
		q, err := termQuery(t, analyzer)
		if err != nil {
			return nil, err
		}
		if q != nil {
			not = append(not, q)
		}
	}
	if len(must) == 0 && len(not) == 0 {
		return bleve.NewMatchAllQuery(), nil
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
func termQuery(t term, analyzer analysis.Analyzer) (query.Query, error) {
	if t.field == fieldMeetingDate {
		from, to, err := dateSpan(t.text)
		if err != nil {
			return nil, err
		}
		return dateRange(from, to), nil
	}
	if len(analyzer.Analyze([]byte(t.text))) == 0 {
		return nil, nil
	}
	if t.field != "" {
		return fieldQuery(t, t.field, 1), nil
	}
	var qs []query.Query
	for _, f := range textFields {
		qs = append(qs, fieldQuery(t, f.name, f.boost))
	}
	return disjunction(qs), nil
}

func fieldQuery(t term, field string, boost float64) query.Query {
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
