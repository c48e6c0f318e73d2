package server

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"motesarkiv/index"
)

// TestSuggestAPI: the answer is OpenSearch's [query, completions,
// descriptions], each completion the whole query.
func TestSuggestAPI(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		q    string
		want string // among the completions
	}{
		{"minim", "MiniMaria"},
		{`"God och Nära vå`, `"God och Nära vård`},
		{"talare:schm", `talare:"Annika Schmitt"`},
		{"aktivitetsk", "aktivitetskravet"},
	}
	for _, tt := range tests {
		rec := get(t, h, "/api/v1/suggest?q="+url.QueryEscape(tt.q))
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, suggestionsType) {
			t.Errorf("Content-Type %q", ct)
		}
		var answer []any
		if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil || len(answer) != 3 {
			t.Fatalf("%s: %v %s", tt.q, err, rec.Body)
		}
		var texts []string
		for _, c := range answer[1].([]any) {
			texts = append(texts, c.(string))
		}
		if answer[0] != tt.q || !slices.ContainsFunc(texts, func(s string) bool { return strings.EqualFold(s, tt.want) }) {
			t.Errorf("suggest(%q) = %q, want %q among them", tt.q, texts, tt.want)
		}
		if len(answer[2].([]any)) != len(texts) {
			t.Errorf("suggest(%q): %d descriptions for %d completions", tt.q, len(answer[2].([]any)), len(texts))
		}
	}
	if body := get(t, h, "/api/v1/suggest?q=god+").Body.String(); body != `["god ",[],[]]`+"\n" {
		t.Errorf("a finished word: %s", body)
	}
}

func TestSplitPartial(t *testing.T) {
	tests := []struct{ q, head, partial string }{
		{"vård", "", "vård"},
		{"god vå", "god ", "vå"},
		{`"God och Nära v`, `"God och Nära `, "v"},
		{"talare:schm", "talare:", "schm"},
		{"vård ", "vård ", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if head, partial := splitPartial(tt.q); head != tt.head || partial != tt.partial {
			t.Errorf("splitPartial(%q) = %q, %q", tt.q, head, partial)
		}
	}
}

func TestCompletions(t *testing.T) {
	found := []index.Suggestion{
		{Text: "vård", Kind: index.SuggestWord, Count: 9},
		{Text: "Annika Schmitt", Kind: index.SuggestSpeaker, Count: 1},
		{Text: "Vården i hemmet", Kind: index.SuggestTitle, Count: 1},
	}
	var got []string
	for _, c := range completions("god ", found) {
		got = append(got, c.query)
	}
	if want := []string{"god vård", `god talare:"Annika Schmitt"`, `god "Vården i hemmet"`}; !reflect.DeepEqual(got, want) {
		t.Errorf("completions = %q, want %q", got, want)
	}
	got = nil
	for _, c := range completions(`"god `, found) {
		got = append(got, c.query)
	}
	if want := []string{`"god vård`}; !reflect.DeepEqual(got, want) {
		t.Errorf("in a phrase: %q, want %q", got, want)
	}
}
