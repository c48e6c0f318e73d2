package index

import (
	"fmt"
	"hash/maphash"
	"testing"
)

func TestWordMap(t *testing.T) {
	m := map[string]string{"": "tom", "avtal": "avtal", "avtalet": "avtal", "vård": "vård", "hemsjukvården": "hemsjukvård"}
	for i := range 1000 {
		m[fmt.Sprintf("ord%d", i)] = fmt.Sprintf("lemma%d", i%7)
	}
	ws := freezeStrings(m)
	for k, v := range m {
		if got, ok := ws.get(k); !ok || got != v {
			t.Errorf("get(%q) = %q, %v; want %q", k, got, ok, v)
		}
	}
	for _, k := range []string{"avta", "avtalen", "ord1000", "Vård", " "} {
		if got, ok := ws.get(k); ok {
			t.Errorf("get(%q) = %q, want none", k, got)
		}
	}
	// Two words with one hash: the second is found in the overflow map,
	// and neither answers for the other.
	h := maphash.String(ws.m.seed, "vård")
	place := ws.m.idx[maphash.String(ws.m.seed, "avtalet")]
	ws.m.more = map[string]uint32{"avtalet": place}
	delete(ws.m.idx, maphash.String(ws.m.seed, "avtalet"))
	vp := ws.m.idx[h]
	ws.m.idx[h] = place // "vård"'s hash now points at "avtalet"
	ws.m.more["vård"] = vp
	for k, v := range map[string]string{"vård": "vård", "avtalet": "avtal"} {
		if got, ok := ws.get(k); !ok || got != v {
			t.Errorf("with a collision, get(%q) = %q, %v; want %q", k, got, ok, v)
		}
	}
	wi := freezeInts(map[string]int{"a": 3, "b": 0})
	if wi.get("a") != 3 || !wi.has("b") || wi.has("c") || wi.get("c") != 0 {
		t.Errorf("wordInts: a=%d has(b)=%v has(c)=%v", wi.get("a"), wi.has("b"), wi.has("c"))
	}
}
