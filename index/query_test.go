package index

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseQuery(t *testing.T) {
	w := func(s string) term { return term{text: s} }
	tests := []struct {
		q    string
		want parsedQuery
	}{
		{"god vård", parsedQuery{groups: [][]term{{w("god")}, {w("vård")}}}},
		{`"God och Nära vård"`, parsedQuery{groups: [][]term{{{text: "God och Nära vård", phrase: true}}}}},
		{`”God och Nära vård”`, parsedQuery{groups: [][]term{{{text: "God och Nära vård", phrase: true}}}}},
		{"lpo OR rss vård", parsedQuery{groups: [][]term{{w("lpo"), w("rss")}, {w("vård")}}}},
		{"a OR b OR c", parsedQuery{groups: [][]term{{w("a"), w("b"), w("c")}}}},
		{"minimaria -avtal", parsedQuery{groups: [][]term{{w("minimaria")}}, excluded: []term{{text: "avtal", negate: true}}}},
		{`talare:"Annika Schmitt"`, parsedQuery{groups: [][]term{{{field: fieldSpeakers, text: "Annika Schmitt", phrase: true}}}}},
		{"Typ:Beslut", parsedQuery{groups: [][]term{{{field: fieldKindText, text: "Beslut"}}}}},
		{"datum:2026-04", parsedQuery{groups: [][]term{{{field: fieldMeetingDate, text: "2026-04"}}}}},
		{"kl:9", parsedQuery{groups: [][]term{{w("kl:9")}}}},
		{"  ", parsedQuery{}},
		{"or", parsedQuery{groups: [][]term{{w("or")}}}},
	}
	for _, tt := range tests {
		got, err := parseQuery(tt.q)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", tt.q, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseQuery(%q)\n got %+v\nwant %+v", tt.q, got, tt.want)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	for _, q := range []string{
		`"unclosed phrase`,
		`""`,
		"OR vård",
		"vård OR",
		"vård OR OR avtal",
		"vård OR -avtal",
		"talare:",
		tooMany(),
	} {
		_, err := parseQuery(q)
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("parseQuery(%q) = %v, want ErrBadQuery", q, err)
		}
	}
}

func tooMany() string {
	s := ""
	for range maxTerms + 1 {
		s += "ord "
	}
	return s
}

func TestDateSpanErrors(t *testing.T) {
	for _, v := range []string{"igår", "2026-13", "2026-02-30", "26"} {
		if _, _, err := dateSpan(v); !errors.Is(err, ErrBadQuery) {
			t.Errorf("dateSpan(%q) = %v, want ErrBadQuery", v, err)
		}
	}
}

func TestDateSpan(t *testing.T) {
	tests := []struct{ in, from, to string }{
		{"2026", "2026-01-01", "2026-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2026-04-09", "2026-04-09", "2026-04-09"},
	}
	for _, tt := range tests {
		from, to, err := dateSpan(tt.in)
		if err != nil {
			t.Fatalf("dateSpan(%q): %v", tt.in, err)
		}
		if got := from.Format("2006-01-02") + ".." + to.Format("2006-01-02"); got != tt.from+".."+tt.to {
			t.Errorf("dateSpan(%q) = %s, want %s..%s", tt.in, got, tt.from, tt.to)
		}
	}
}
