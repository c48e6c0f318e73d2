package ingest

import (
	"regexp"
	"strings"
)

// A decision block in minnesanteckningar is a line "<Organ> beslutade:"
// (colon optional, the organ's name sometimes misspelt) followed by
// "att …" clauses. Another body's decision quoted in running text
// ("Länschefsnätverket beslutade 230922 att …") is not a decision of the
// item: the subject must be the organ that met (by a similarity rule that
// forgives typos) or a word by which minutes refer to it ("Rådet",
// "Mötet"), and the header must stand alone on its line or go straight on
// with "att".

var decisionHeaderRe = regexp.MustCompile(`^(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?)\s+(?:beslutade|beslöt|beslutar)\s*:?\s*(.*)$`)

// selfWords are how minutes name the body that met without its name.
var selfWords = map[string]bool{"mötet": true, "rådet": true, "nämnden": true, "styrelsen": true,
	"utskottet": true, "sammanträdet": true}

// decisionHeaderShape reports a line shaped like a decision header, for
// any subject; used where the organ is not yet known.
func decisionHeaderShape(line string) bool {
	m := decisionHeaderRe.FindStringSubmatch(line)
	return m != nil && m[2] == ""
}

// decisionHeader reports whether line opens the organ's decision block and
// returns the first clause when it follows on the same line.
func decisionHeader(line, organ string) (rest string, ok bool) {
	m := decisionHeaderRe.FindStringSubmatch(line)
	if m == nil || (m[2] != "" && !attRe.MatchString(m[2])) {
		return "", false
	}
	subject := strings.Fields(m[1])[0]
	if organ == "" {
		return m[2], m[2] == ""
	}
	return m[2], selfWords[strings.ToLower(subject)] || similarToOrgan(subject, organ)
}

// similarToOrgan compares the subject with each longer word of the organ's
// name, so "Pensionärsrådet" is "Kommunala pensionärsrådet".
func similarToOrgan(subject, organ string) bool {
	for _, w := range strings.Fields(organ) {
		if len([]rune(w)) >= 4 && similarName(subject, w) {
			return true
		}
	}
	return false
}

var attRe = regexp.MustCompile(`^(?:[-–•]\s*)?(?i:att)\s`)

// similarName compares two words after folding case and diacritics,
// allowing an edit distance of a third of the length: "Välfrädrärdet" is
// "Välfärdsrådet", "Länschefsnätverket" is not.
func similarName(a, b string) bool {
	fa, fb := []rune(fold(a)), []rune(fold(b))
	return editDistance(fa, fb) <= max(2, len(fb)/3)
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// readDecisions reads the clauses of a block starting at lines[0] (the
// first line after the header; first holds a clause from the header line
// itself). It returns the decisions and how many lines it used.
//
// A clause that begins a line after a finished sentence is a new decision;
// an "att" that continues a wrapped sentence is not. An unfinished clause
// goes on with the next line unless an empty line is followed by a capital.
func readDecisions(first string, lines []string) ([]string, int) {
	var out []string
	cur := strings.TrimSpace(first)
	blank, used := false, 0
	for i, l := range lines {
		if l == "" {
			blank = true
			continue
		}
		switch {
		case attRe.MatchString(l) && (cur == "" || endsClause(cur) || blank && !endsIncomplete(cur)):
			out = appendClause(out, cur)
			cur = l
		case cur != "" && !endsSentence(cur) && (!blank || startsLower(l) || endsIncomplete(cur)) && !isStructural(l):
			cur = joinWrapped(cur, l)
		default:
			return appendClause(out, cur), used
		}
		blank, used = false, i+1
	}
	return appendClause(out, cur), used
}

func endsClause(s string) bool {
	return endsSentence(s) || strings.HasSuffix(s, ";")
}

func appendClause(out []string, c string) []string {
	c = strings.TrimSpace(strings.TrimLeft(c, "-–• "))
	if c == "" {
		return out
	}
	return append(out, c)
}
