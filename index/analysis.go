package index

import (
	"sync"

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
//
// Our chain, for every text field:
//
//	unicode words -> lower case -> exact copies and common-word pairs
//	(phrase.go) -> Swedish stop
//	words -> compound parts (decompound.go) -> stems (stem.go)
//
// swedishSnowball is the same chain with Snowball's stemmer; it exists so
// that the relevance evaluation can measure one stemmer against the other.
const (
	swedishAnalyzer = "motesarkiv_sv"
	swedishSnowball = "motesarkiv_sv_snowball"
	AnalysisVersion = "sv-3"
)

func swedishChain(stem func(string) string) registry.AnalyzerConstructor {
	return func(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
		tokenizer, err := cache.TokenizerNamed(unicode.Name)
		if err != nil {
			return nil, err
		}
		lower, err := cache.TokenFilterNamed(lowercase.Name)
		if err != nil {
			return nil, err
		}
		stop, err := cache.TokenFilterNamed(sv.StopName)
		if err != nil {
			return nil, err
		}
		filters := []analysis.TokenFilter{lower, exactFilter{}, stop, decompoundFilter{swedishLexicon()}, stemFilter{stem}}
		return &analysis.DefaultAnalyzer{Tokenizer: tokenizer, TokenFilters: filters}, nil
	}
}

// plainAnalyzer splits text into lower-case words and nothing more: the
// words of a quoted phrase, and of a query checked for typos.
var plainAnalyzer = sync.OnceValue(func() analysis.Analyzer {
	return &analysis.DefaultAnalyzer{
		Tokenizer:    unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{lowercase.NewLowerCaseFilter()},
	}
})

func init() {
	// Registration fails only on a duplicate name, a programming error.
	for name, stem := range map[string]func(string) string{swedishAnalyzer: swedishStem, swedishSnowball: snowballStem} {
		if err := registry.RegisterAnalyzer(name, swedishChain(stem)); err != nil {
			panic(err)
		}
	}
}
