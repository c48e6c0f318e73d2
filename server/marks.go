package server

import (
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"motesarkiv/index"
)

// marked returns text as HTML with the spans in <mark>. Every piece of
// the text is escaped here, and the only markup added is <mark>, which is
// what makes the conversion to template.HTML safe; spans that are out of
// range or overlap are skipped rather than trusted.
func marked(text string, spans []index.Span) template.HTML {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) || s.Start >= s.End {
			continue
		}
		b.WriteString(html.EscapeString(text[at:s.Start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.Start:s.End]))
		b.WriteString("</mark>")
		at = s.End
	}
	b.WriteString(html.EscapeString(text[at:]))
	return template.HTML(b.String()) // escaped above
}

// paragraph is a part of a text between blank lines, with where it starts.
type paragraph struct {
	Start int
	Text  string
}

// splitParagraphs splits text at blank lines, keeping each part's offset
// so that spans found in the whole text can be marked in its parts.
func splitParagraphs(text string) []paragraph {
	var out []paragraph
	at := 0
	for {
		end := blankLine(text[at:])
		part := text[at:]
		if end >= 0 {
			part = text[at : at+end]
		}
		if trimmed := strings.TrimSpace(part); trimmed != "" {
			out = append(out, paragraph{Start: at + strings.Index(part, trimmed), Text: trimmed})
		}
		if end < 0 {
			return out
		}
		at += end + 1
	}
}

// blankLine is the index of the first newline that begins a blank line
// in s, or -1.
func blankLine(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		rest := strings.TrimLeft(s[i+1:], " \t\r")
		if strings.HasPrefix(rest, "\n") {
			return i
		}
	}
	return -1
}

// spansIn returns the spans that lie inside [start, start+n), shifted to
// begin at start.
func spansIn(spans []index.Span, start, n int) []index.Span {
	var out []index.Span
	for _, s := range spans {
		if s.Start >= start && s.End <= start+n {
			out = append(out, index.Span{Start: s.Start - start, End: s.End - start})
		}
	}
	return out
}

// wholeWords widens each span to the word it is in and merges spans that
// then overlap. The index may match a part of a word (the "avtal" of
// "hemsjukvårdsavtalet"); a reader sees and counts the word.
func wholeWords(text string, spans []index.Span) []index.Span {
	var out []index.Span
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		for s.Start > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:s.Start])
			if !isWordRune(r) {
				break
			}
			s.Start -= size
		}
		for s.End < len(text) {
			r, size := utf8.DecodeRuneInString(text[s.End:])
			if !isWordRune(r) {
				break
			}
			s.End += size
		}
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// joinSpaces merges spans with only white space between them, so that a
// phrase is marked as one; not over a blank line, which ends a paragraph
// and so a mark (see splitParagraphs).
func joinSpaces(text string, spans []index.Span) []index.Span {
	var out []index.Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start >= out[n-1].End && inLine(text[out[n-1].End:s.Start]) {
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// inLine reports whether gap is white space with at most one line break.
func inLine(gap string) bool {
	return strings.TrimSpace(gap) == "" && strings.Count(gap, "\n") <= 1
}
