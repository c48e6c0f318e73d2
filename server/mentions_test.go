package server

import (
	"reflect"
	"strings"
	"testing"

	"motesarkiv/index"
)

func TestJoin(t *testing.T) {
	span := func(text, word string, from int) index.Span {
		i := from + strings.Index(text[from:], word)
		return index.Span{Start: i, End: i + len(word)}
	}
	tests := []struct {
		name  string
		text  string
		words []string
		want  []string
	}{
		{"phrase over a stop word", "om God och Nära vård i dag", []string{"God", "Nära", "vård"}, []string{"God och Nära vård"}},
		{"phrase over a line break", "God och\nNära vård", []string{"God", "Nära", "vård"}, []string{"God och\nNära vård"}},
		{"phrase over a blank line", "God och\n\nNära vård", []string{"God", "Nära", "vård"}, []string{"God", "Nära vård"}},
		{"same word twice", "vård och vård", []string{"vård", "vård"}, []string{"vård", "vård"}},
		{"far apart", "vård, sedan mycket senare vård", []string{"vård", "vård"}, []string{"vård", "vård"}},
		{"sentence between", "god. Nära", []string{"god", "Nära"}, []string{"god", "Nära"}},
	}
	for _, tt := range tests {
		var spans []index.Span
		at := 0
		for _, w := range tt.words {
			s := span(tt.text, w, at)
			spans = append(spans, s)
			at = s.End
		}
		var got []string
		for _, s := range join(tt.text, spans) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: join = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestContext(t *testing.T) {
	long := strings.Repeat("ord ", 30)
	if got := leftContext(long + "slut "); !strings.HasPrefix(got, "…ord") || len([]rune(got)) > contextRunes+2 {
		t.Errorf("leftContext = %q", got)
	}
	if got := rightContext(" början " + long); !strings.HasSuffix(got, "ord…") || len([]rune(got)) > contextRunes+2 {
		t.Errorf("rightContext = %q", got)
	}
	if got := leftContext("kort "); got != "kort " {
		t.Errorf("leftContext(short) = %q", got)
	}
	if got := oneLine(" a\n\nb  c\n"); got != " a b c " {
		t.Errorf("oneLine = %q", got)
	}
}
