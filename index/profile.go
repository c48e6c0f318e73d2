package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
)

// profile is a way of analysing and querying Swedish. The product has
// one, ours; the relevance evaluation builds the same contents with
// bleve's stock Swedish analyzer as well, so that every change is
// measured against what a general engine set up by hand would give.
type profile struct {
	name     string
	analyzer string // the analyzer of the text fields
	ours     bool   // exact phrases, compounds in queries, synonyms, typos
	stem     func(string) string
}

// stemOf is the index term of a lower-case word of a query.
func (p profile) stemOf(w string, typ analysis.TokenType) string {
	if p.stem == nil || typ == analysis.Numeric {
		return w
	}
	return p.stem(w)
}

var (
	profileOurs = profile{name: "ours", analyzer: swedishAnalyzer, ours: true, stem: swedishStem}
	profileSV   = profile{name: "sv", analyzer: sv.AnalyzerName}
)

// profileSnowball is ours with Snowball's stemmer instead of the light
// one, kept to measure the two against each other.
var profileSnowball = profile{name: "ours-snowball", analyzer: swedishSnowball, ours: true, stem: snowballStem}
