package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text extracted from PDF or Word carries the layout of the page: running
// headers repeated on every page, page numbers, lines hard-wrapped at the
// page width, and often an empty line between the two halves of a wrapped
// line. The functions here undo that.

// splitLines normalises line ends and odd spaces and trims each line.
// Tabs inside a line are kept: they separate the columns of tables.
func splitLines(text string) []string {
	r := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n", "\u00a0", " ",
		"\u2007", " ", "\u202f", " ", "\u200b", "", "\u00ad", "", "\ufeff", "")
	lines := strings.Split(r.Replace(text), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return lines
}

var pageNumberRe = regexp.MustCompile(`^(?i:sida\s+)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?i:av)\s+\d{1,3}|/\s*\d{1,3})$`)

// dropPageFurniture blanks running headers and page numbers. A running
// header is a line of the letterhead (the lines before the first "Key:"
// line) that comes back later, or a short line that recurs at least three
// times far apart and reads like neither a sentence nor a decision.
func dropPageFurniture(lines []string) {
	head := letterhead(lines)
	repeated := repeatedShortLines(lines)
	for i := len(head.lines); i < len(lines); i++ {
		l := lines[i]
		if i > head.end && (head.set[l] || repeated[l]) || pageNumberRe.MatchString(l) {
			lines[i] = ""
		}
	}
}

type letterheadLines struct {
	lines []string
	set   map[string]bool
	end   int // index of the first key line
}

func letterhead(lines []string) letterheadLines {
	h := letterheadLines{set: map[string]bool{}, end: len(lines)}
	for i, l := range lines {
		if keyLineRe.MatchString(l) {
			h.end = i
			break
		}
		if l != "" && len(h.lines) < 5 {
			h.lines = append(h.lines, l)
			h.set[l] = true
		}
	}
	if h.end == len(lines) { // no header keys: nothing is known to be a letterhead
		h.set = map[string]bool{}
	}
	return h
}

func repeatedShortLines(lines []string) map[string]bool {
	pos := map[string][]int{}
	for i, l := range lines {
		if l != "" && utf8.RuneCountInString(l) <= 60 && !endsSentence(l) && !startsLower(l) &&
			!strings.HasPrefix(strings.ToLower(l), "att ") && !decisionHeaderShape(l) && !endsSection(l) {
			pos[l] = append(pos[l], i)
		}
	}
	out := map[string]bool{}
	for l, p := range pos {
		if len(p) >= 3 && minGap(p) >= 20 {
			out[l] = true
		}
	}
	return out
}

func minGap(p []int) int {
	g := 1 << 30
	for i := 1; i < len(p); i++ {
		g = min(g, p[i]-p[i-1])
	}
	return g
}

// unwrap joins hard-wrapped lines into paragraphs separated by "\n\n".
func unwrap(lines []string) string {
	var paras []string
	cur, last, blank := "", "", false
	for _, l := range lines {
		switch {
		case l == "":
			blank = cur != ""
			continue
		case cur == "":
			cur = l
		case breaksParagraph(last, l, blank):
			paras = append(paras, cur)
			cur = l
		default:
			cur = joinWrapped(cur, l)
		}
		last, blank = l, false
	}
	if cur != "" {
		paras = append(paras, cur)
	}
	return strings.Join(paras, "\n\n")
}

// breaksParagraph decides whether next starts a new paragraph after the
// line last. A sentence can only continue where last did not end one, or
// where next starts in lower case; a long unfinished line is a wrap even
// across an empty line, while a short unfinished line followed by a
// capital is a sub-heading.
func breaksParagraph(last, next string, blank bool) bool {
	switch {
	case startsList(next):
		return true
	case startsLower(next):
		return false
	case endsSentence(last) && !endsAbbreviation(last):
		return blank
	}
	return !(startsDigit(next) || endsIncomplete(last) || utf8.RuneCountInString(last) >= 40)
}

// joinWrapped joins two halves of a wrapped line. A word split by a hyphen
// at the line end is joined without a space ("MiniMaria-" + "verksamhet"),
// but not a hyphen that stands for a shared word part ("hälso-" + "och").
func joinWrapped(a, b string) string {
	if strings.HasSuffix(a, "-") && len(a) > 1 && startsLower(b) {
		prev, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
		first := strings.ToLower(strings.Fields(b)[0])
		if unicode.IsLetter(prev) && !conjunctions[first] {
			return a + b
		}
	}
	return a + " " + b
}

var conjunctions = map[string]bool{"och": true, "eller": true, "samt": true, "respektive": true, "som": true}

// functionWords end a line that cannot end a heading or a sentence.
var functionWords = map[string]bool{
	"i": true, "och": true, "av": true, "för": true, "om": true, "med": true, "till": true,
	"på": true, "att": true, "som": true, "en": true, "ett": true, "den": true, "det": true,
	"de": true, "vid": true, "från": true, "inom": true, "mellan": true, "samt": true,
	"eller": true, "kring": true, "under": true, "över": true, "efter": true, "mot": true,
	"hos": true, "utan": true, "genom": true, "enligt": true, "inför": true, "angående": true,
	"gällande": true, "avseende": true, "är": true, "har": true, "ska": true, "skall": true,
	"kan": true, "the": true, "dess": true, "sin": true, "sitt": true, "sina": true,
}

// IsFunctionWord says whether w (lower case) is a word after which the
// parser reads a heading or a clause as going on. Generators of test
// minutes use it to write lines the parser reads as they mean them.
func IsFunctionWord(w string) bool { return functionWords[w] }

// endsIncomplete reports a line that ends in a function word, a comma, a
// hyphen or an abbreviation: it must go on.
func endsIncomplete(s string) bool {
	s = strings.TrimSpace(s)
	if endsAbbreviation(s) || strings.HasSuffix(s, ",") || strings.HasSuffix(s, "-") || strings.HasSuffix(s, "–") {
		return true
	}
	f := strings.Fields(s)
	return len(f) > 0 && functionWords[strings.ToLower(f[len(f)-1])]
}

// endsSentence reports a line ending in . ! ? : or …, looking through
// closing quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ”\"’'»)*")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:…", r)
}

var listRe = regexp.MustCompile(`^(?:[-–•·*▪]\s|\d{1,2}[.)]\s|[a-zåäö]\)\s)`)

func startsList(s string) bool { return listRe.MatchString(s) }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// collapseSpace turns runs of white space into one space.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
