package index

import (
	"slices"
	"testing"
)

func TestSuggest(t *testing.T) {
	ix := uiIndex(t)
	tests := []struct {
		prefix string
		kind   string
		want   string // among the suggestions of kind
	}{
		{"minim", SuggestWord, "MiniMaria"},
		{"MINIM", SuggestWord, "MiniMaria"},
		{"vårdtider", SuggestWord, "vårdtider"}, // the index holds only the stem vårdtid
		{"hemsjukv", SuggestWord, "hemsjukvårdsavtal"},
		{"schm", SuggestSpeaker, "Annika Schmitt"},
		{"aktivitetsk", SuggestTitle, "Aktivitetskravet"},
	}
	for _, tt := range tests {
		got, err := ix.Suggest(t.Context(), tt.prefix, 5)
		if err != nil {
			t.Fatalf("Suggest(%q): %v", tt.prefix, err)
		}
		var texts []string
		for _, s := range got {
			if s.Kind == tt.kind {
				texts = append(texts, s.Text)
			}
			if s.Count < 1 {
				t.Errorf("Suggest(%q): %+v has no count", tt.prefix, s)
			}
		}
		if !slices.Contains(texts, tt.want) {
			t.Errorf("Suggest(%q) %s = %q, want %q among them", tt.prefix, tt.kind, texts, tt.want)
		}
	}
	for _, short := range []string{"", "v", "  "} {
		if got, err := ix.Suggest(t.Context(), short, 5); err != nil || len(got) != 0 {
			t.Errorf("Suggest(%q) = %v, %v; want none", short, got, err)
		}
	}
}

func TestSuggestLimit(t *testing.T) {
	got, err := uiIndex(t).Suggest(t.Context(), "vå", 2)
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, s := range got {
		per[s.Kind]++
	}
	if per[SuggestWord] != 2 {
		t.Errorf("%v: want two words", got)
	}
	for k, n := range per {
		if n > 2 {
			t.Errorf("%d suggestions of kind %s, limit 2", n, k)
		}
	}
}

func TestWordAround(t *testing.T) {
	s := "om hemsjukvårdsavtalet, nu"
	if got := wordAround(s, 7, 14); got != "hemsjukvårdsavtalet" {
		t.Errorf("wordAround = %q", got)
	}
}
