package server

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"motesarkiv/index"
)

// Mentioner lists every mention of what a search matches: each single
// occurrence in an item's text, with its context. The pages and exports
// use only this interface, so that the list built here from the index's
// term locations can give way to one the index makes itself.
type Mentioner interface {
	Mentions(ctx context.Context, r index.Request, fn func(Mention) error) error
}

// Mention is one occurrence, keyword in context. Before and After are a
// few words of the text on each side, on one line.
type Mention struct {
	MeetingID   string `json:"meeting_id"`
	MeetingDate string `json:"meeting_date"`
	Organ       string `json:"organ"`
	Item        string `json:"item"`
	Title       string `json:"title"`
	Field       string `json:"field"` // title, body, decisions, speakers, participants
	Before      string `json:"before"`
	Match       string `json:"match"`
	After       string `json:"after"`
	URL         string `json:"url"` // the item's permalink, as a hit's
}

// occurrenceIndex is what kwic needs of the index.
type occurrenceIndex interface {
	Occurrences(ctx context.Context, r index.Request, fn func(index.Occurrence) error) error
}

// kwic makes mentions from the spans of the index's matched words. The
// words of a phrase are found one by one ("God", "Nära", "vård"), so
// neighbouring spans are joined into one mention of the phrase (see join).
// Every field the index reports counts, the speakers' too: "Föredragande:
// Annika Schmitt" is where the minutes mention her.
type kwic struct{ idx occurrenceIndex }

// contextRunes is about how much text a mention shows on each side.
const contextRunes = 60

func (k kwic) Mentions(ctx context.Context, r index.Request, fn func(Mention) error) error {
	return k.idx.Occurrences(ctx, r, func(o index.Occurrence) error {
		for _, fm := range o.Matches {
			for _, s := range join(fm.Text, wholeWords(fm.Text, fm.Spans)) {
				if err := fn(newMention(o.Hit, fm, s)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func newMention(h index.Hit, fm index.FieldMatch, s index.Span) Mention {
	return Mention{
		MeetingID: h.MeetingID, MeetingDate: h.MeetingDate, Organ: h.Organ,
		Item: h.Item, Title: h.Title, Field: fm.Field, URL: h.URL,
		Before: oneLine(leftContext(fm.Text[:s.Start])),
		Match:  oneLine(fm.Text[s.Start:s.End]),
		After:  oneLine(rightContext(fm.Text[s.End:])),
	}
}

// join merges spans that are one mention: the words of a phrase, which
// stand next to each other or with one short word between them (the stop
// word "och" in "God och Nära vård" is not indexed and so has no span).
// A word that is already in the mention starts a new one, so that "vård
// och vård" is two mentions of vård.
func join(text string, spans []index.Span) []index.Span {
	var out []index.Span
	var words []string
	for _, s := range spans {
		w := strings.ToLower(text[s.Start:s.End])
		if n := len(out); n > 0 && closeBy(text[out[n-1].End:s.Start]) && !slices.Contains(words, w) {
			out[n-1].End = s.End
			words = append(words, w)
			continue
		}
		out = append(out, s)
		words = []string{w}
	}
	return out
}

// closeBy reports whether the text between two spans keeps them in one
// phrase: at most one word of at most maxGapWord letters, and no mark
// that ends a clause or paragraph. A single line break is a wrap in the
// source and does not end the phrase.
func closeBy(gap string) bool {
	const maxGapWord = 6
	if strings.ContainsAny(gap, ".!?;:") || strings.Count(gap, "\n") > 1 {
		return false
	}
	words := strings.FieldsFunc(gap, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return len(words) == 0 || (len(words) == 1 && utf8.RuneCountInString(words[0]) <= maxGapWord)
}

// leftContext is the end of s, about contextRunes long, from a word start.
func leftContext(s string) string {
	if utf8.RuneCountInString(s) <= contextRunes {
		return s
	}
	cut := len(s)
	for n := 0; n < contextRunes; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:cut])
		cut -= size
	}
	if i := strings.IndexFunc(s[cut:], unicode.IsSpace); i >= 0 {
		cut += i
	}
	return "…" + strings.TrimLeftFunc(s[cut:], unicode.IsSpace)
}

// rightContext is the start of s, about contextRunes long, to a word end.
func rightContext(s string) string {
	if utf8.RuneCountInString(s) <= contextRunes {
		return s
	}
	cut := 0
	for n := 0; n < contextRunes; n++ {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	if i := strings.LastIndexFunc(s[:cut], unicode.IsSpace); i > 0 {
		cut = i
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + "…"
}

// oneLine folds line breaks and runs of spaces into single spaces, keeping
// a space at either end, since it separates the context from the match.
func oneLine(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		if s != "" {
			return " "
		}
		return ""
	}
	out := strings.Join(f, " ")
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		out = " " + out
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		out += " "
	}
	return out
}

// fieldNames are the Swedish names of the fields a mention can be in.
var fieldNames = map[string]string{
	"title": "rubrik", "body": "text", "decisions": "beslut",
	"speakers": "föredragande", "participants": "medverkande",
}

func fieldName(f string) string {
	if n, ok := fieldNames[f]; ok {
		return n
	}
	return f
}
