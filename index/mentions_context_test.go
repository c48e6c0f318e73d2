package index

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestContextAsRunes: tail and head, which decode only the context they
// keep, give what converting the whole text to runes gave, bad bytes
// and all.
func TestContextAsRunes(t *testing.T) {
	parts := []string{"a", "ö", "ord", " ", "  ", "\n", "\u00a0", "\u2028", "\ufffd", "\xe2", "\x82", "\xe2\x82", "\xff", "€", "𝄞"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		var b strings.Builder
		for n := rng.IntN(160); n > 0; n-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := tail(s), tailRunes(s); got != want {
			t.Fatalf("tail(%q) = %q, want %q", s, got, want)
		}
		if got, want := head(s), headRunes(s); got != want {
			t.Fatalf("head(%q) = %q, want %q", s, got, want)
		}
		if got, want := oneLine(s), oneLineRunes(s); got != want {
			t.Fatalf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// oneLineRunes is oneLine as it was, finding the last rune by converting
// all of s.
func oneLineRunes(s string) string {
	lead := strings.IndexFunc(s, unicode.IsSpace) == 0
	trail := s != "" && unicode.IsSpace([]rune(s)[utf8.RuneCountInString(s)-1])
	out := strings.Join(strings.Fields(s), " ")
	if lead && out != "" {
		out = " " + out
	}
	if trail && out != "" {
		out += " "
	}
	return out
}
