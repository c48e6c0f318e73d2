package index

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// contextParts are what TestContextAsRunes and TestTextMention make text
// of: words, white space of several kinds and bytes that are not UTF-8.
var contextParts = []string{"a", "ö", "ord", " ", "  ", "\n", "\u00a0", "\u2028", "\ufffd", "\xe2", "\x82", "\xe2\x82", "\xff", "€", "𝄞"}

func randomText(rng *rand.Rand, parts int) string {
	var b strings.Builder
	for n := rng.IntN(parts); n > 0; n-- {
		b.WriteString(contextParts[rng.IntN(len(contextParts))])
	}
	return b.String()
}

// tail, head, tailRunes and headRunes are the context as a mention
// shows it.
func tail(s string) string      { return oneLine(tailText(s)) }
func head(s string) string      { return oneLine(headText(s)) }
func tailRunes(s string) string { return oneLine(tailRunesText(s)) }
func headRunes(s string) string { return oneLine(headRunesText(s)) }

// TestContextAsRunes: tail and head, which decode only the context they
// keep, give what converting the whole text to runes gave, bad bytes
// and all.
func TestContextAsRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		s := randomText(rng, 160)
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

// TestASCIISpace: oneLine's table of ASCII white space is unicode's.
func TestASCIISpace(t *testing.T) {
	for c := range rune(utf8.RuneSelf) {
		if asciiSpace[c] != unicode.IsSpace(c) {
			t.Errorf("asciiSpace[%q] = %v", c, asciiSpace[c])
		}
	}
}

// TestTextMention: a mention's three parts, cut from one string, are
// each folded as on its own.
func TestTextMention(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20_000 {
		text := randomText(rng, 200)
		i, j := rng.IntN(len(text)+1), rng.IntN(len(text)+1)
		sp := Span{min(i, j), max(i, j)}
		got := textMention("body", text, sp)
		want := Mention{Field: "body", Start: sp.Start, End: sp.End,
			Before: tail(text[:sp.Start]), Match: oneLine(text[sp.Start:sp.End]), After: head(text[sp.End:])}
		if got != want {
			t.Fatalf("textMention(%q, %v) = %+v, want %+v", text, sp, got, want)
		}
	}
}
