package ingest

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A title below its heading ("§ 344" and then "Redovisning av uppdrag att
// komplettera intervjuguiden i" / "Göteborgs Stads HR-process för …") runs
// over one to several lines and often straight into the body, with no
// empty line between. Titles are set in a larger type than the body and so
// wrap at a narrower width, and that tells where a title ends: a title line
// goes on to the next line when it is unfinished (a function word, a comma,
// the next line in lower case) or when it is full, so that the next line's
// first word could not have fitted on it. A line that is not full ended
// the title, and a line longer than the title width is body.

// maxTitleLines bounds a title; the longest real ones take four or five.
const maxTitleLines = 6

// titleWidth estimates the width (in characters) at which the document's
// titles wrap: the median length of the title lines that certainly wrapped
// because the line after them goes on in lower case or they end in a
// function word. Without such lines it is a common width.
func titleWidth(lines []string) float64 {
	var widths []int
	for i, l := range lines {
		h, ok := matchParagraph(l, 0)
		if !ok || !h.titleBelow {
			continue
		}
		j := nextNonEmpty(lines, i+1, 8)
		for k := 0; j >= 0 && j+1 < len(lines) && k < maxTitleLines; k++ {
			last, next := lines[j], lines[j+1]
			if next == "" || !(startsLower(next) || endsIncomplete(last)) {
				break
			}
			widths = append(widths, utf8.RuneCountInString(last))
			j++
		}
	}
	if len(widths) == 0 {
		return 60
	}
	slices.Sort(widths)
	return float64(widths[len(widths)/2])
}

// titleBelow reads the title (and a case number left for the next line)
// below the heading at lines[i] into h and returns the index after it.
func titleBelow(lines []string, i int, width float64, h *heading) int {
	j := nextNonEmpty(lines, i+1, 8)
	if j < 0 || startsPart(lines[j]) {
		return i + 1
	}
	if h.dnrBelow {
		if f := strings.Fields(lines[j]); caseNumberLen(f) == len(f) {
			h.dnr = lines[j]
			if j = nextNonEmpty(lines, j+1, 8); j < 0 || startsPart(lines[j]) {
				return i + 1
			}
		}
	}
	h.text = lines[j]
	end := j + 1
	for n := 1; n < maxTitleLines; n++ {
		k := end
		for k < len(lines) && lines[k] == "" && k-end < 2 {
			k++
		}
		if k >= len(lines) || lines[k] == "" || startsPart(lines[k]) ||
			!titleGoesOn(lines[end-1], lines[k], k > end, width) {
			break
		}
		h.text = joinWrapped(h.text, lines[k])
		end = k + 1
	}
	return end
}

// startsPart reports a line that cannot be part of a title: a heading of
// any kind, a section of a protocol, a speaker line or a decision block.
func startsPart(l string) bool {
	return isStructural(l) || decisionHeaderShape(l) || sectionName(l) != "" || decisionSection(l)
}

// titleGoesOn decides whether the title line last goes on with next; gap
// tells that empty lines stand between them, as at a page break.
func titleGoesOn(last, next string, gap bool, width float64) bool {
	switch {
	case endsSentence(last) && !endsAbbreviation(last):
		return false
	case endsIncomplete(last) || endsInfinitive(last) || startsLower(next) || strings.HasPrefix(next, "("):
		return true
	case gap:
		return false
	}
	full := float64(utf8.RuneCountInString(last)+1+utf8.RuneCountInString(firstWord(next))) > 0.9*width
	return full && float64(utf8.RuneCountInString(next)) <= 1.15*width
}

// endsInfinitive reports a line ending in "att" and a verb ("beslut att
// utse"), whose object must follow.
func endsInfinitive(s string) bool {
	f := strings.Fields(s)
	return len(f) >= 2 && strings.EqualFold(f[len(f)-2], "att")
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// nextNonEmpty is the index of the first non-empty line at or after j,
// looking at most limit lines ahead, or -1.
func nextNonEmpty(lines []string, j, limit int) int {
	for k := j; k < len(lines) && k < j+limit; k++ {
		if lines[k] != "" {
			return k
		}
	}
	return -1
}
