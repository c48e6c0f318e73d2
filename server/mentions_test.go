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

func TestWholeWord(t *testing.T) {
	tests := []struct{ before, match, after, want string }{
		{"om hemsjukvårds", "avtalet", ", och", "om |hemsjukvårdsavtalet|, och"},
		{"om ", "hemsjuk", "vårdsavtalet.", "om |hemsjukvårdsavtalet|."},
		{"om ", "God och Nära vård", " i dag", "om |God och Nära vård| i dag"},
		{"(”", "MiniMaria", "”)", "(”|MiniMaria|”)"},
	}
	for _, tt := range tests {
		b, m, a := wholeWord(tt.before, tt.match, tt.after)
		if got := b + "|" + m + "|" + a; got != tt.want {
			t.Errorf("wholeWord(%q, %q, %q) = %q, want %q", tt.before, tt.match, tt.after, got, tt.want)
		}
	}
}

// TestKWIC: the server's own mention list, for an index without one,
// finds every occurrence of the phrase as the index's list does.
func TestKWIC(t *testing.T) {
	ix := newTestIndex(t)
	var own, theirs []string
	collect := func(list *[]string) func(Mention) error {
		return func(m Mention) error {
			if m.Field != "speakers" && m.Field != "participants" {
				*list = append(*list, m.MeetingID+"/"+m.Item+"/"+m.Field+"/"+strings.ToLower(m.Match))
			}
			return nil
		}
	}
	r := index.Request{Query: `"God och Nära vård"`}
	if err := (kwic{ix}).Mentions(t.Context(), r, collect(&own)); err != nil {
		t.Fatal(err)
	}
	if err := defaultMentions(ix).Mentions(t.Context(), r, collect(&theirs)); err != nil {
		t.Fatal(err)
	}
	if len(own) == 0 || !reflect.DeepEqual(own, theirs) {
		t.Errorf("kwic\n%q\nindex\n%q", own, theirs)
	}
}

// The index lists mentions itself; if its method changed, New would fall
// back to kwic without a word, so the build says so instead.
var _ indexMentioner = (*index.Index)(nil)
