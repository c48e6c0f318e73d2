package index

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"
)

// tokens renders the analysis of s as "term@pos[start:end]", as bleve's
// analyzer_sv_test does with its token tables.
func tokens(t *testing.T, s string) []string {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(swedishAnalyzer)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tk := range a.Analyze([]byte(s)) {
		out = append(out, fmt.Sprintf("%s@%d[%d:%d]", tk.Term, tk.Position, tk.Start, tk.End))
	}
	return out
}

func TestAnalyzerTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		// inflections meet: definite, genitive, plural
		{"rådet", "=rådet@1[0:6] råd@1[0:6]"},
		{"rådets", "=rådets@1[0:7] råd@1[0:7]"},
		{"avtalet", "=avtalet@1[0:7] avtal@1[0:7]"},
		{"hemtjänsten", "=hemtjänsten@1[0:12] hemtjänst@1[0:12] hem@1[0:3] tjänst@1[3:12]"},
		// a compound and its parts, at its position, offsets in bytes
		// after å: "avtal" starts at byte 13 of "hemsjukvårdsavtalet"
		{"hemsjukvårdsavtalet", "=hemsjukvårdsavtalet@1[0:20] hemsjukvårdsavtal@1[0:20] hem@1[0:3] hemsjuk@1[0:7] hemsjukvård@1[0:12] sjuk@1[3:7] sjukvård@1[3:12] sjukvårdsavtal@1[3:20] vård@1[7:12] vårdsavtal@1[7:20] avtal@1[13:20]"},
		// not split: a word used as a whole, an inflection, a name
		{"regionen", "=regionen@1[0:8] region@1[0:8]"},
		{"samverkan", "=samverkan@1[0:9] samverka@1[0:9]"},
		{"Dalarna", "=dalarna@1[0:7] dalarna@1[0:7]"},
		{"verksamhet", "=verksamhet@1[0:10] verksamhet@1[0:10]"},
		{"förslag", "=förslag@1[0:8] förslag@1[0:8]"},
		// stop words: gone from the stemmed stream, kept as exact words
		{"God och Nära vård", "=god@1[0:3] god@1[0:3] =och@2[4:7] ~god<och@2[4:7] =nära@3[8:13] nära@3[8:13] =vård@4[14:19] vård@4[14:19]"},
		// Ä before the compound: "läns" is bytes 9 to 14, five bytes for four letters
		{"Ärende: Länschefsnätverket", "=ärende@1[0:7] ärende@1[0:7] =länschefsnätverket@2[9:29] länschefsnätverk@2[9:29] läns@2[9:14] länschef@2[9:18] länschefsnät@2[9:23] chef@2[14:18] chefsnät@2[14:23] chefsnätverk@2[14:29] nät@2[19:23] nätverk@2[19:29] verk@2[23:29]"},
	}
	for _, tt := range tests {
		if got := strings.Join(tokens(t, tt.in), " "); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// FuzzAnalyzer: any text analyses without a panic into tokens whose
// offsets lie inside the input, on letter boundaries, with positions
// that never go back.
func FuzzAnalyzer(f *testing.F) {
	for _, s := range []string{"hemsjukvårdsavtalet", "God och\nNära vård", "Välfrädrådet beslutade", "MiniMaria-verksamheten", "İstanbul KELVIN", "ÅÄÖåäö", "2026/371 §12"} {
		f.Add(s)
	}
	a, err := registry.NewCache().AnalyzerNamed(swedishAnalyzer)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tk := range a.Analyze([]byte(s)) {
			if tk.Start < 0 || tk.End > len(s) || tk.Start > tk.End {
				t.Fatalf("%q: token %q at [%d:%d] outside the input", s, tk.Term, tk.Start, tk.End)
			}
			if tk.Position < last {
				t.Fatalf("%q: position %d after %d", s, tk.Position, last)
			}
			last = tk.Position
		}
	})
}
