package index

import (
	"fmt"
	"slices"
	"testing"
)

func TestCapNear(t *testing.T) {
	vocab := map[string]int{}
	var ns []string
	for i := range 40 {
		w := fmt.Sprintf("ord%02d", i)
		vocab[w], ns = i, append(ns, w)
	}
	got := capNear(slices.Clone(ns), freezeInts(vocab))
	if len(got) != maxFuzzyExpansions || got[0] != "ord39" || got[len(got)-1] != fmt.Sprintf("ord%02d", 40-maxFuzzyExpansions) {
		t.Errorf("capNear kept %v", got)
	}
	if few := capNear(ns[:3], freezeInts(vocab)); len(few) != 3 {
		t.Errorf("capNear of 3 kept %v", few)
	}
}
