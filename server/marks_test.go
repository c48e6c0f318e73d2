package server

import (
	"html/template"
	"reflect"
	"strings"
	"testing"

	"motesarkiv/index"
)

func TestMarked(t *testing.T) {
	tests := []struct {
		text  string
		spans []index.Span
		want  template.HTML
	}{
		{"God och Nära vård", []index.Span{{Start: 0, End: 3}, {Start: 8, End: 13}}, "<mark>God</mark> och <mark>Nära</mark> vård"},
		{"a <b> & c", []index.Span{{Start: 2, End: 5}}, "a <mark>&lt;b&gt;</mark> &amp; c"},
		{"<script>", nil, "&lt;script&gt;"},
		{"abc", []index.Span{{Start: 1, End: 9}, {Start: 2, End: 1}}, "abc"},
		{"abcdef", []index.Span{{Start: 0, End: 3}, {Start: 1, End: 4}, {Start: 4, End: 5}}, "<mark>abc</mark>d<mark>e</mark>f"},
	}
	for _, tt := range tests {
		if got := marked(tt.text, tt.spans); got != tt.want {
			t.Errorf("marked(%q, %v) = %q, want %q", tt.text, tt.spans, got, tt.want)
		}
	}
}

func TestSplitParagraphs(t *testing.T) {
	text := "Första stycket\nfortsätter.\n\n  Andra.\n \n\nTredje"
	got := splitParagraphs(text)
	want := []paragraph{{0, "Första stycket\nfortsätter."}, {32, "Andra."}, {42, "Tredje"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("splitParagraphs = %+v, want %+v", got, want)
	}
	for _, p := range got {
		if text[p.Start:p.Start+len(p.Text)] != p.Text {
			t.Errorf("paragraph %q is not at %d", p.Text, p.Start)
		}
	}
	if got := spansIn([]index.Span{{Start: 1, End: 3}, {Start: 33, End: 37}, {Start: 28, End: 34}}, 32, 6); !reflect.DeepEqual(got, []index.Span{{Start: 1, End: 5}}) {
		t.Errorf("spansIn = %v", got)
	}
}

func TestWholeWords(t *testing.T) {
	text := "om hemsjukvårdsavtalet, och avtal"
	at := func(word string) index.Span {
		i := strings.Index(text, word)
		return index.Span{Start: i, End: i + len(word)}
	}
	last := index.Span{Start: strings.LastIndex(text, "avtal"), End: len(text)}
	got := wholeWords(text, []index.Span{at("sjukvård"), at("avtalet"), last, {Start: 5, End: 99}})
	var words []string
	for _, s := range got {
		words = append(words, text[s.Start:s.End])
	}
	if want := []string{"hemsjukvårdsavtalet", "avtal"}; !reflect.DeepEqual(words, want) {
		t.Errorf("wholeWords = %q, want %q", words, want)
	}
}

func TestMarkPhrases(t *testing.T) {
	h := index.Hit{Highlights: map[string][]string{"body": {
		"om <mark>God</mark> <mark>och</mark>\n<mark>Nära</mark> <mark>vård</mark> och <mark>LPO</mark> &amp; mer",
	}}}
	phrases := markedPhrases(h)
	tests := []struct {
		text string
		want template.HTML
	}{
		{"God och Nära vård – uppföljning och samverkan", "<mark>God och Nära vård</mark> – uppföljning och samverkan"},
		{"LPO och god vård", "<mark>LPO</mark> och god vård"},
		{"<lpo> & LPO", "&lt;<mark>lpo</mark>&gt; &amp; <mark>LPO</mark>"},
	}
	for _, tt := range tests {
		if got := markPhrases(tt.text, phrases); got != tt.want {
			t.Errorf("markPhrases(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestJoinSpaces(t *testing.T) {
	text := "God och\nNära vård.\n\nvård"
	spans := []index.Span{{Start: 0, End: 3}, {Start: 4, End: 7}, {Start: 8, End: 13}, {Start: 14, End: 19}, {Start: 22, End: 27}}
	got := joinSpaces(text, spans)
	if want := []index.Span{{Start: 0, End: 19}, {Start: 22, End: 27}}; !reflect.DeepEqual(got, want) {
		t.Errorf("joinSpaces = %v, want %v", got, want)
	}
}
