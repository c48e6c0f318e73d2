package index

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is one occurrence of a query in an item's text, with the words
// around it (keyword in context). Start and End are byte offsets of the
// match in the field's text.
type Mention struct {
	MeetingID   string `json:"meeting_id"`
	MeetingDate string `json:"meeting_date"`
	Organ       string `json:"organ"`
	Item        string `json:"item"`
	// Title is the item's title, for the exports to show beside each
	// mention without reading the meeting again; the JSON lines of
	// `search --mentions --json` leave it out, as they always have.
	Title  string `json:"-"`
	Field  string `json:"field"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Before string `json:"before"`
	Match  string `json:"match"`
	After  string `json:"after"`
}

// mentionFields are the fields a mention is counted in, each once: a
// title and a body are separate (the body does not repeat the heading).
var mentionFields = map[string]bool{fieldTitle: true, fieldBody: true, fieldDecisions: true}

// contextRunes is about how much text a mention shows on each side.
const contextRunes = 60

// Mentions calls fn for every occurrence of r's query in the matching
// items, oldest meeting first and in reading order within a meeting,
// with no cap, and returns how many there were. Words of the query that
// stand next to each other in the text (a phrase, or two words typed
// together) are one mention. r's Sort, Page and Size are ignored.
func (ix *Index) Mentions(ctx context.Context, r Request, fn func(Mention) error) (int, error) {
	r, err := walkRequest(r)
	if err != nil {
		return 0, err
	}
	total := 0
	count := func(m Mention) error {
		total++
		return fn(m)
	}
	if ok, err := ix.walkMentions(ctx, r, count); ok || err != nil {
		return total, err
	}
	err = ix.Occurrences(ctx, r, func(o Occurrence) error { return eachMention(o, count) })
	return total, err
}

// eachMention calls fn for every mention in o.
func eachMention(o Occurrence, fn func(Mention) error) error {
	for _, fm := range o.Matches {
		if !mentionFields[fm.Field] {
			continue
		}
		for _, sp := range joinAdjacent(fm.Text, fm.Spans) {
			if err := fn(newMention(o.Hit, fm, sp)); err != nil {
				return err
			}
		}
	}
	return nil
}

func newMention(h Hit, fm FieldMatch, sp Span) Mention {
	m := textMention(fm.Field, fm.Text, sp)
	m.MeetingID, m.MeetingDate, m.Organ, m.Item, m.Title = h.MeetingID, h.MeetingDate, h.Organ, h.Item, h.Title
	return m
}

// textMention is the mention at sp in a field's text, without its item.
// Its context and match are cut from one new string, not made as three,
// and nothing in it shares text's bytes (hitmentions.go relies on that).
func textMention(field, text string, sp Span) Mention {
	before, match, after := tailText(text[:sp.Start]), text[sp.Start:sp.End], headText(text[sp.End:])
	var b strings.Builder
	b.Grow(len(before) + len(match) + len(after))
	foldSpace(&b, before)
	i := b.Len()
	foldSpace(&b, match)
	j := b.Len()
	foldSpace(&b, after)
	all := b.String()
	return Mention{Field: field, Start: sp.Start, End: sp.End, Before: all[:i], Match: all[i:j], After: all[j:]}
}

// joinAdjacent joins spans with nothing but spaces and punctuation
// between them, such as the words of one phrase across a line break.
func joinAdjacent(text string, spans []Span) []Span {
	var out []Span
	for _, sp := range spans {
		if n := len(out); n > 0 && !strings.ContainsFunc(text[out[n-1].End:sp.Start], isWordRune) {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// tailText is the end of s, about contextRunes letters, from a word's
// start: the context before a match, its spaces not yet folded. It
// decodes back from the end instead of making runes of all of s, which
// is the whole text before the match (a long body, once per mention).
func tailText(s string) string {
	cut := len(s)
	for n := 0; n < contextRunes && cut > 0; n++ {
		if s[cut-1] < utf8.RuneSelf {
			cut--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:cut])
		if r == utf8.RuneError && size == 1 {
			return tailRunesText(s)
		}
		cut -= size
	}
	if cut > 0 {
		s = s[cut:]
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[i:]
		}
	}
	return s
}

// headText is the start of s, about contextRunes letters, to a word's
// end; like tailText, it decodes no further than it keeps.
func headText(s string) string {
	cut := 0
	for n := 0; n < contextRunes && cut < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[cut:])
		if r == utf8.RuneError && size == 1 {
			return headRunesText(s)
		}
		cut += size
	}
	if cut < len(s) {
		s = s[:cut]
		if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[:i]
		}
	}
	return s
}

// tailRunesText and headRunesText are tailText and headText as they
// were, for context that is not valid UTF-8: converting to runes turns
// each bad byte into U+FFFD, and such text keeps giving the context it
// always gave.
func tailRunesText(s string) string {
	if utf8.RuneCountInString(s) > contextRunes {
		r := []rune(s)
		s = string(r[len(r)-contextRunes:])
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[i:]
		}
	}
	return s
}

func headRunesText(s string) string {
	if utf8.RuneCountInString(s) > contextRunes {
		s = string([]rune(s)[:contextRunes])
		if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[:i]
		}
	}
	return s
}

// oneLine folds runs of white space, line breaks included, to one space,
// keeping a space at either end so that the parts read as one line. It
// copies the text's own bytes (a byte that is not UTF-8 stays as it is),
// in one pass: splitting into words and joining them again was a tenth
// of the mention export.
func oneLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	foldSpace(&b, s)
	return b.String()
}

// foldSpace writes s to b as oneLine makes it. Each word is copied
// whole, and ASCII, most of the minutes, is not decoded.
func foldSpace(b *strings.Builder, s string) {
	start := b.Len()
	space := false // white space since the last word
	for i := 0; i < len(s); {
		isSpace, size := spaceAt(s, i)
		if isSpace {
			space = true
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf && !asciiSpace[c] { // spaceAt's, inlined
				j++
				continue
			}
			if isSpace, size = spaceAt(s, j); isSpace {
				break
			}
			j += size
		}
		if space && (b.Len() > start || i > 0) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(s[i:j])
		i = j
	}
	if space && b.Len() > start {
		b.WriteByte(' ')
	}
}

// spaceAt reports whether the rune at s[i] is white space, and its size.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// asciiSpace are the ASCII runes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
