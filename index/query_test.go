package index

import (
	"errors"
	"reflect"
	"strings"
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
		// Outside parentheses a ")" inside a word is text: people paste
		// "alert(1)" or "(S)" from documents.
		{"<script>alert(1)</script>", parsedQuery{groups: [][]term{{w("<script>alert(1)</script>")}}}},
		{"Akbas (S)", parsedQuery{groups: [][]term{{w("Akbas")}, {{sub: &parsedQuery{groups: [][]term{{w("S")}}}}}}}},
		{"  ", parsedQuery{}},
		{"or", parsedQuery{groups: [][]term{{w("or")}}}},
		{"(lpo OR rss) vård", parsedQuery{groups: [][]term{
			{{sub: &parsedQuery{groups: [][]term{{w("lpo"), w("rss")}}}}},
			{w("vård")}}}},
		{"vård -(lpo rss)", parsedQuery{
			groups:   [][]term{{w("vård")}},
			excluded: []term{{negate: true, sub: &parsedQuery{groups: [][]term{{w("lpo")}, {w("rss")}}}}}}},
		{"talare:(schmitt OR axå)", parsedQuery{groups: [][]term{{{field: fieldSpeakers, sub: &parsedQuery{groups: [][]term{
			{{field: fieldSpeakers, text: "schmitt"}, {field: fieldSpeakers, text: "axå"}}}}}}}}},
		{"datum:2024-01..2024-06", parsedQuery{groups: [][]term{{{field: fieldMeetingDate, text: "2024-01..2024-06"}}}}},
		{"(Bilaga 3)", parsedQuery{groups: [][]term{{{sub: &parsedQuery{groups: [][]term{{w("Bilaga")}, {w("3")}}}}}}}},
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

// TestParseQueryErrorPositions: a person is told where the mistake is,
// counted in letters.
func TestParseQueryErrorPositions(t *testing.T) {
	tests := []struct{ q, want string }{
		{`vård "öppen fras`, "quote at position 6"},
		{"åäö (vård", "parenthesis at position 5"},
		{"vård )", "closing parenthesis at position 6"},
		{"vård OR", "OR at position 6"},
		{"ärende talare:", "field at position 8"},
		{"()", "parentheses at position 1"},
	}
	for _, tt := range tests {
		_, err := parseQuery(tt.q)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseQuery(%q) = %v, want an error naming %q", tt.q, err, tt.want)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	for _, q := range []string{
		"(vård",
		"vård )",
		"((((((((((vård))))))))))",
		"-(vård) OR avtal",
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
	for _, v := range []string{"igår", "2026-13", "2026-02-30", "26", "..", "2025..2024", "2024..igår"} {
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
		{"2024-01..2024-06", "2024-01-01", "2024-06-30"},
		{"2023..", "2023-01-01", "0001-01-01"},
		{"..2023-06", "0001-01-01", "2023-06-30"},
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
