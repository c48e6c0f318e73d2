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
	total := 0
	err := ix.Occurrences(ctx, r, func(o Occurrence) error {
		for _, fm := range o.Matches {
			if !mentionFields[fm.Field] {
				continue
			}
			for _, sp := range joinAdjacent(fm.Text, fm.Spans) {
				total++
				if err := fn(newMention(o.Hit, fm, sp)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return total, err
}

func newMention(h Hit, fm FieldMatch, sp Span) Mention {
	return Mention{
		MeetingID: h.MeetingID, MeetingDate: h.MeetingDate, Organ: h.Organ, Item: h.Item, Title: h.Title,
		Field: fm.Field, Start: sp.Start, End: sp.End,
		Before: tail(fm.Text[:sp.Start]), Match: oneLine(fm.Text[sp.Start:sp.End]), After: head(fm.Text[sp.End:]),
	}
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

// tail is the end of s, about contextRunes letters, from a word's start.
// It decodes back from the end instead of making runes of all of s,
// which is the whole text before the match (a long body, once per
// mention).
func tail(s string) string {
	cut := len(s)
	for n := 0; n < contextRunes && cut > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:cut])
		if r == utf8.RuneError && size == 1 {
			return tailRunes(s)
		}
		cut -= size
	}
	if cut > 0 {
		s = s[cut:]
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[i:]
		}
	}
	return oneLine(s)
}

// head is the start of s, about contextRunes letters, to a word's end;
// like tail, it decodes no further than it keeps.
func head(s string) string {
	cut := 0
	for n := 0; n < contextRunes && cut < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[cut:])
		if r == utf8.RuneError && size == 1 {
			return headRunes(s)
		}
		cut += size
	}
	if cut < len(s) {
		s = s[:cut]
		if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[:i]
		}
	}
	return oneLine(s)
}

// tailRunes and headRunes are tail and head as they were, for context
// that is not valid UTF-8: converting to runes turns each bad byte into
// U+FFFD, and such text keeps giving the context it always gave.
func tailRunes(s string) string {
	if utf8.RuneCountInString(s) > contextRunes {
		r := []rune(s)
		s = string(r[len(r)-contextRunes:])
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[i:]
		}
	}
	return oneLine(s)
}

func headRunes(s string) string {
	if utf8.RuneCountInString(s) > contextRunes {
		s = string([]rune(s)[:contextRunes])
		if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
			s = s[:i]
		}
	}
	return oneLine(s)
}

// oneLine folds runs of white space, line breaks included, to one space,
// keeping a space at either end so that the parts read as one line. It
// copies the text's own bytes (a byte that is not UTF-8 stays as it is),
// in one pass: splitting into words and joining them again was a tenth
// of the mention export.
func oneLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // white space since the last word
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && (b.Len() > 0 || i > 0) {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return b.String()
}
