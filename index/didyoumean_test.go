package index

import (
	"strings"
	"testing"
)

// osaDistance is the optimal string alignment distance as the textbook
// gives it, without the editor's early exits and letter test: the
// reference they are checked against.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// The editor, reused from word to word, gives min(distance, limit) for
// every pair and limit: its letter test and early exits never decide
// wrongly, and its kept buffers carry nothing from one word to the next.
func TestEditorAgreesWithReference(t *testing.T) {
	words := strings.Fields(`vård vard värd vårt hemsjukvård hemsjukvårdsavtalet
		välfärdsrådet välfrädrådet välfärd samverkan samvärkan samverka
		kommun kommunerna kommunen ab ba abc cab a Å åå ö öl ål
		avtal avtalet atval avtla sjukvård sjukvårds jämställdhet jämställd
		brokiga brokig brokigt x xy yx 2026 2062 lärare läarre`)
	for _, a := range words {
		var ed editor
		ed.setA(a)
		for _, b := range words {
			want := osaDistance(a, b)
			for limit := 1; limit <= 5; limit++ {
				if got := ed.distance(b, limit); got != min(want, limit) {
					t.Errorf("distance(%q, %q, limit %d) = %d, want %d", a, b, limit, got, min(want, limit))
				}
			}
		}
	}
}
