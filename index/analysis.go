package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// The analysis chain lives here and nowhere else, so that search quality
// work changes one file and its test. AnalysisVersion names the chain:
// change it whenever tokens change, since an index built with another
// chain answers differently.
const (
	swedishAnalyzer = "motesarkiv_sv"
	AnalysisVersion = "sv-1"
)

// swedishChain is bleve's Swedish chain (unicode words, lower case,
// Swedish stop words, Snowball stemmer) under our own name, so that the
// mapping does not change when the chain does.
func swedishChain(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
	tokenizer, err := cache.TokenizerNamed(unicode.Name)
	if err != nil {
		return nil, err
	}
	var filters []analysis.TokenFilter
	for _, name := range []string{lowercase.Name, sv.StopName, sv.SnowballStemmerName} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		filters = append(filters, f)
	}
	return &analysis.DefaultAnalyzer{Tokenizer: tokenizer, TokenFilters: filters}, nil
}

func init() {
	// Registration fails only on a duplicate name, a programming error.
	if err := registry.RegisterAnalyzer(swedishAnalyzer, swedishChain); err != nil {
		panic(err)
	}
}
