package ingest

import (
	"cmp"
	"slices"
	"strings"
)

// A PDF holds no lines or paragraphs, only runs of text placed on the
// page. layout rebuilds what a reader sees: runs whose heights overlap
// form a line, read from left to right; a wide gap inside a line is a tab
// (the columns of a table, a tab stop), a narrow one a space; a gap
// between lines taller than a line's own leading is an empty line (the
// space between paragraphs). Lines are ordered from the top of the page
// down, so the cells of a table come out row by row whatever order the
// producer wrote them in. A page set in two columns of running text would
// be read across the columns; minutes are not set that way.

// textRun is a run of text with its box in points (y grows upwards, as
// PDF has it) and its font size.
type textRun struct {
	text                     string
	left, right, top, bottom float64
	size                     float64
}

const (
	tabGap       = 1.0 // a gap of this many font sizes or more is a tab
	spaceGap     = 0.08
	paragraphGap = 1.5 // a line pitch of this many font sizes or more leaves an empty line
	spaceWidth   = 0.25
)

// layout returns the page's text, lines separated by newlines.
func layout(runs []textRun) string {
	var lines [][]textRun
	for _, r := range runs {
		if strings.TrimSpace(r.text) == "" {
			continue
		}
		if r.size <= 0 {
			r.size = max(r.top-r.bottom, 1)
		}
		if k := lineOf(lines, r); k >= 0 {
			lines[k] = append(lines[k], r)
		} else {
			lines = append(lines, []textRun{r})
		}
	}
	slices.SortStableFunc(lines, func(a, b []textRun) int { return cmp.Compare(lineBase(b), lineBase(a)) })
	var out strings.Builder
	for i, l := range lines {
		if i > 0 {
			out.WriteString("\n")
			if lineBase(lines[i-1])-lineBase(l) >= paragraphGap*lineSize(l) {
				out.WriteString("\n")
			}
		}
		out.WriteString(lineEnd(lineText(l)))
	}
	return out.String()
}

// lineEnd writes the hyphen of a word broken at the end of the line as a
// hyphen: PDFium reports it as U+0002, a soft hyphen as U+00AD. A soft
// hyphen elsewhere is invisible and goes.
func lineEnd(s string) string {
	s = strings.TrimRight(s, " ")
	for _, h := range []string{"\x02", "\u00ad"} {
		if strings.HasSuffix(s, h) {
			s = strings.TrimSuffix(s, h) + "-"
		}
	}
	return strings.NewReplacer("\x02", "", "\u00ad", "").Replace(s)
}

// lineOf finds the line whose band holds most of r's height.
func lineOf(lines [][]textRun, r textRun) int {
	for k := len(lines) - 1; k >= 0; k-- {
		top, bottom := lineBand(lines[k])
		overlap := min(top, r.top) - max(bottom, r.bottom)
		if overlap > 0.5*min(top-bottom, r.top-r.bottom) {
			return k
		}
	}
	return -1
}

func lineBand(l []textRun) (top, bottom float64) {
	top, bottom = l[0].top, l[0].bottom
	for _, r := range l[1:] {
		top, bottom = max(top, r.top), min(bottom, r.bottom)
	}
	return top, bottom
}

// lineBase is the line's lowest bottom but one run's descenders: the
// highest bottom of its runs, near the baseline.
func lineBase(l []textRun) float64 {
	b := l[0].bottom
	for _, r := range l[1:] {
		b = max(b, r.bottom)
	}
	return b
}

func lineSize(l []textRun) float64 {
	s := l[0].size
	for _, r := range l[1:] {
		s = max(s, r.size)
	}
	return s
}

// lineText joins a line's runs from left to right.
func lineText(l []textRun) string {
	slices.SortStableFunc(l, func(a, b textRun) int { return cmp.Compare(a.left, b.left) })
	var b strings.Builder
	b.WriteString(l[0].text)
	for i := 1; i < len(l); i++ {
		prev, r := l[i-1], l[i]
		gap := r.left - prev.right
		text := prev.text
		if strings.HasSuffix(text, " ") || strings.HasPrefix(r.text, " ") {
			gap += spaceWidth * r.size // the space inside the run is part of the gap
		}
		switch {
		case gap >= tabGap*r.size:
			trimRightSpace(&b)
			b.WriteString("\t")
			b.WriteString(strings.TrimLeft(r.text, " "))
			continue
		case gap >= spaceGap*r.size && !strings.HasSuffix(text, " ") && !strings.HasPrefix(r.text, " "):
			b.WriteString(" ")
		}
		b.WriteString(r.text)
	}
	return strings.TrimRight(b.String(), " ")
}

func trimRightSpace(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " ")
	b.Reset()
	b.WriteString(s)
}
