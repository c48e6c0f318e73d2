package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// guarded pairs each guard with the expressions it stands before.
var guarded = []struct {
	name  string
	guard func(string) bool
	match func(string) bool
}{
	{"iso date", mayHoldISODate, isoDateRe.MatchString},
	{"compact date", mayHoldCompactDate, compactDateRe.MatchString},
	{"date in words", mayHoldWordDate, wordDateRe.MatchString},
	{"party", mayHoldPartyTag, partyNameRe.MatchString},
	{"attachment", mayHoldAttachment, func(s string) bool { return bilagaRe.MatchString(s) || bilagaParen.MatchString(s) }},
}

// checkGuards fails t when a guard refuses a text its expression matches.
func checkGuards(t *testing.T, s string) {
	t.Helper()
	for _, g := range guarded {
		if g.match(s) && !g.guard(s) {
			t.Errorf("%s: guard refuses %q, which the expression matches", g.name, s)
		}
	}
}

// TestGuardsNeverRefuseAMatch: on every line and every paragraph of the
// test minutes, and on texts made to sit at each guard's edge, a guard
// that says no means its expression finds nothing; and each guard says
// no to some text, or it would guard nothing.
func TestGuardsNeverRefuseAMatch(t *testing.T) {
	cases := []string{
		"2026-04-09", "den 2026-04-9", "1999-12-31.", "x2026-04-09", "2026-04-0",
		"260409", "20260409", "dnr 2023/79", "12345", "1234567",
		"9 april", "9:e april", "26 oktober 2023", "1 ſeptember", "3\tMAJ", "12\nmars", "den 22 maj",
		"Anna Svensson (S)", "Anna Svensson (SD)", "Åsa Öberg (KD)", "Lena (MP)", "Per (Ö)", "(ABCD)", "( S)",
		"bilaga 7", "Bilagor 3, 4 och 5", "(BILAGA 2 G)", "bilaga10",
		"", "-", "(", "9", "9 ", "kommunen", "ſ",
	}
	refused := map[string]bool{}
	for _, s := range cases {
		checkGuards(t, s)
		for _, g := range guarded {
			if !g.guard(s) {
				refused[g.name] = true
			}
		}
	}
	files, _ := filepath.Glob("../testdata/*.txt")
	if len(files) < 5 {
		t.Fatalf("only %d test minutes", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		checkGuards(t, text)
		for _, part := range splitAll(text) {
			checkGuards(t, part)
		}
	}
	for _, g := range guarded {
		if !refused[g.name] {
			t.Errorf("%s: the guard refused nothing", g.name)
		}
	}
}

// splitAll is text's lines and paragraphs.
func splitAll(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			out = append(out, text[start:i])
			start = i + 1
		}
	}
	return append(out, text[start:])
}

func FuzzGuards(f *testing.F) {
	for _, s := range []string{"2026-04-09", "260409", "9:e april", "Anna Svensson (S)", "Bilaga 2 G", "12\tſeptember"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkGuards(t, s) })
}
