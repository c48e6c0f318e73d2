package index

import (
	"slices"
	"strings"
	"testing"

	"motesarkiv/ingest"
)

// The queries issue 4 says must hold, over the two seeds.
func TestSwedishSearchMustHold(t *testing.T) {
	ix := seedIndex(t)
	tests := []struct {
		q    string
		want []string // among the hits
		not  []string // not among them
	}{
		{"hemsjukvård", []string{"2023-10-26/6", "2026-04-09/6a"}, nil},
		{"avtal", []string{"2023-10-26/6", "2026-04-09/6a"}, nil},
		{"hemsjukvårdsavtal", []string{"2023-10-26/6", "2026-04-09/6a"}, nil},
		{"avtalet", []string{"2026-04-09/6d"}, nil},
		{"lokalt programområde", []string{"2026-04-09/6c", "2026-04-09/9"}, nil},
		{`"God och Nära vård"`, phraseHits, nil},
	}
	for _, tt := range tests {
		got := hitKeys(t, ix, Request{Query: tt.q})
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: misses %s (hits %v)", tt.q, w, got)
			}
		}
	}
}

// Inflections meet: "rådet", "rådets" and "råd" find the same items.
func TestInflectionsMeet(t *testing.T) {
	ix := seedIndex(t)
	want := hitKeys(t, ix, Request{Query: "råd"})
	for _, q := range []string{"rådet", "rådets", "råden"} {
		if got := hitKeys(t, ix, Request{Query: q}); !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s hits %v, råd hits %v", q, got, want)
		}
	}
}

// "god men nära vård" is not the phrase "God och Nära vård", though
// bleve's Swedish chain, which drops "och", finds it.
func TestExactPhraseKeepsStopWords(t *testing.T) {
	ix := openTemp(t)
	m := synthetic("m-2026-01-01", "2026-01-01", "a")
	m.Items = append(m.Items, ingest.Item{Number: "3", Title: "Annat", Body: "Vi vill ha god men nära vård."})
	if _, err := ix.Put(m); err != nil {
		t.Fatal(err)
	}
	got := hitKeys(t, ix, Request{Query: `"God och Nära vård"`})
	if !slices.Equal(got, []string{"2026-01-01/2"}) {
		t.Errorf(`"God och Nära vård" hits %v, want only item 2`, got)
	}
	if got := hitKeys(t, ix, Request{Query: `"god men nära vård"`}); !slices.Equal(got, []string{"2026-01-01/3"}) {
		t.Errorf(`"god men nära vård" hits %v, want only item 3`, got)
	}
}

func TestDidYouMeanAndFuzzy(t *testing.T) {
	ix := seedIndex(t)
	tests := []struct{ q, want, hit string }{
		{"hemsjukvårdsavtalt", "hemsjukvårdsavtalet", "2023-10-26/6"},
		{"Välfärdsrået", "välfärdsrådet", "2023-10-26/10"},
		{"minimara", "minimaria", "2023-10-26/5"},
	}
	for _, tt := range tests {
		res, err := ix.Search(t.Context(), Request{Query: tt.q, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		if res.DidYouMean != tt.want {
			t.Errorf("%s: did_you_mean %q, want %q", tt.q, res.DidYouMean, tt.want)
		}
		var keys []string
		for _, h := range res.Hits {
			keys = append(keys, h.MeetingDate+"/"+h.Item)
			if res.Fuzzy && !h.Fuzzy {
				t.Errorf("%s: a fuzzy answer has a hit not marked fuzzy", tt.q)
			}
		}
		if !slices.Contains(keys, tt.hit) {
			t.Errorf("%s: hits %v lack %s", tt.q, keys, tt.hit)
		}
	}
	if res, _ := ix.Search(t.Context(), Request{Query: "hemsjukvårdsavtalt"}); !res.Fuzzy {
		t.Errorf("a query with no exact hit is not marked fuzzy")
	}
}

// Letters count, not bytes (bleve issue 632), and a swap is one edit.
func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"vard", "vård", 1},
		{"välfrädrådet", "välfärdsrådet", 2}, // a swap and a dropped s
		{"avtal", "avtal", 0},
		{"ab", "ba", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// Highlights mark a compound's part and an inflected form at the right
// bytes, after å, ä and ö earlier in the text.
func TestHighlightPartsAfterSwedishLetters(t *testing.T) {
	ix := openTemp(t)
	m := synthetic("m-2026-01-01", "2026-01-01", "a")
	m.Items[1].Body = "Ärendet: åtgärder för äldre enligt hemsjukvårdsavtalet och rådets förslag."
	if _, err := ix.Put(m); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"avtal": "hemsjukvårds<mark>avtalet</mark>", "råd": "<mark>rådets</mark>"} {
		res, err := ix.Search(t.Context(), Request{Query: q})
		if err != nil || res.Total != 1 {
			t.Fatalf("%s: %v, %v", q, res, err)
		}
		frag := strings.Join(res.Hits[0].Highlights[fieldBody], " ")
		if !strings.Contains(frag, want) {
			t.Errorf("%s: highlight %q lacks %q", q, frag, want)
		}
	}
}
