package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Agenda items are headed "N. Title" in minutes and "§ N" in protocols,
// with sub-items "a) Title" in minutes. Numbers run in sequence, and that
// is the strongest rule there is: a numbered line in a body is an item
// only when it carries the next number (or the next letter, for
// sub-items). Headings may be wrapped over two or more lines, in markdown
// bold, and carry a kind prefix ("Information:") and attachments
// ("(Bilaga 3)"). A § heading may carry the item's case number ("§ 10
// 0901/22", "§ 388 Ärendenummer SLK-2024-00009:3") and have its title on
// the lines below (titles.go).

var (
	topRe = regexp.MustCompile(`^(?:\*\*)?\s*(\d{1,3})(?:\.\s+|\.\*|\s+)(.+)$`)
	subRe = regexp.MustCompile(`^([a-zåäö])\)\s+(.+)$`)
)

// heading is one item heading: lines[start:end] hold it.
type heading struct {
	start, end  int
	number, sub string
	text        string
	dnr         string // the case number on a § heading
	paragraph   bool   // a § heading
	titleBelow  bool   // the heading line holds no title: it is on the lines below
	dnrBelow    bool   // "Ärendenummer" without the number: it may be on the next line
}

// findHeadings walks the lines keeping the next expected number and letter.
// A document whose items are headed "§ N" has only § items: its numbered
// lines ("1. Fullmäktige godkänner …") are points of decisions and its
// lettered lines parts of them, never items.
//
// A numbered list in a body can reach the expected number ("1. …", "2. …",
// "3. …" inside item 2); a line whose predecessor is the list's previous
// number is taken for the list's next entry, not for a heading, as long as
// a heading with that number follows later outside a list.
func findHeadings(lines []string) []heading {
	var hs []heading
	s := headingScan{paragraphs: hasParagraphs(lines), letter: 'a', listNum: -1, width: titleWidth(lines)}
	for i := 0; i < len(lines); i++ {
		h, ok := s.match(lines, i)
		if !ok {
			if lines[i] != "" {
				s.listNum, s.prev = listEntryNumber(lines[i]), lines[i]
			}
			continue
		}
		s.listNum = -1
		h.start = i
		if h.titleBelow {
			h.end = titleBelow(lines, i, s.width, &h)
		} else {
			h.end = extendHeading(lines, i, &h.text)
		}
		hs = append(hs, h)
		if h.sub == "" {
			s.next, s.letter = atoi(h.number)+1, 'a'
		} else {
			s.letter++
		}
		s.prev = lines[h.end-1]
		i = h.end - 1
	}
	return hs
}

// headingScan is the state of findHeadings.
type headingScan struct {
	paragraphs bool // the document's items are § items
	next       int  // the expected item number, 0 before the first
	letter     rune // the expected sub-item letter
	listNum    int  // number of the last non-blank line if it was a list entry
	prev       string
	width      float64 // the width of wrapped titles, for titleBelow
}

func (s headingScan) match(lines []string, i int) (heading, bool) {
	if s.paragraphs {
		// "§ 21" that starts a wrapped line of running text goes on a
		// sentence that the line before left open.
		if endsIncomplete(s.prev) {
			return heading{}, false
		}
		return matchParagraph(lines[i], s.next)
	}
	h, ok := matchHeading(lines[i], s.next, s.letter)
	if ok && h.sub == "" && s.listNum >= 0 && atoi(h.number) == s.listNum+1 && headingLater(lines[i+1:], s.next) {
		return heading{}, false
	}
	return h, ok
}

// headingLater reports whether lines hold a heading numbered n that does
// not continue a numbered list.
func headingLater(lines []string, n int) bool {
	listNum := -1
	for _, l := range lines {
		if l == "" {
			continue
		}
		if _, ok := matchHeading(l, n, 0); ok && listNum != n-1 {
			return true
		}
		listNum = listEntryNumber(l)
	}
	return false
}

var listEntryRe = regexp.MustCompile(`^(\d{1,3})[.)]\s`)

func listEntryNumber(l string) int {
	if m := listEntryRe.FindStringSubmatch(l); m != nil {
		return atoi(m[1])
	}
	return -1
}

func matchHeading(l string, next int, letter rune) (heading, bool) {
	if m := topRe.FindStringSubmatch(l); m != nil && (next == 0 || atoi(m[1]) == next) {
		if !strings.Contains(l[:len(l)-len(m[2])], ".") {
			return heading{}, false // "12 Title" without a dot is a number, not a heading
		}
		if plausibleTitle(m[2], 250) {
			return heading{number: strconv.Itoa(atoi(m[1])), text: m[2]}, true
		}
	}
	if m := subRe.FindStringSubmatch(l); m != nil && next > 0 {
		if r, _ := utf8.DecodeRuneInString(m[1]); r == letter && plausibleTitle(m[2], 150) {
			return heading{number: strconv.Itoa(next - 1), sub: m[1], text: m[2]}, true
		}
	}
	return heading{}, false
}

// plausibleTitle rejects list items, clock times ("12.00 Lunch") and
// sentences: a title starts with a capital and does not end with a comma or semicolon, nor, when long,
// with a full stop.
func plausibleTitle(t string, maxLen int) bool {
	t = strings.TrimLeft(strings.TrimSpace(t), "*")
	n := utf8.RuneCountInString(t)
	if n == 0 || n > maxLen || !capitalised(t) {
		return false
	}
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") {
		return false
	}
	return !strings.HasSuffix(t, ".") || n < 40
}

// extendHeading appends the lines a wrapped heading continues on and
// returns the index after the heading. A heading goes on when the next
// line starts in lower case or with a bracket ("(Bilaga 5)"), or the
// heading so far ends in a function word or a hyphen ("… ungdomshälsa i" +
// "Dalarna").
func extendHeading(lines []string, i int, text *string) int {
	end := i + 1
	for extra := 0; extra < 3; extra++ {
		j := end
		for j < len(lines) && lines[j] == "" && j-end < 2 {
			j++
		}
		if j >= len(lines) || lines[j] == "" || isStructural(lines[j]) || decisionHeaderShape(lines[j]) {
			break
		}
		if !startsLower(lines[j]) && !endsIncomplete(*text) && !strings.HasPrefix(lines[j], "(") {
			break
		}
		*text = joinWrapped(strings.TrimSpace(*text), lines[j])
		end = j + 1
	}
	return end
}

// isStructural reports a line that opens a part of an item: a heading
// shape, a speaker or participant line.
func isStructural(l string) bool {
	return isHeadingLine(l) || subRe.MatchString(l) || speakerRe.MatchString(l) || participantRe.MatchString(l)
}

// isHeadingLine reports a line shaped like an item heading, whatever its
// number: "3. Title" or "§ 12".
func isHeadingLine(l string) bool {
	if _, ok := matchParagraph(l, 0); ok {
		return true
	}
	return topRe.MatchString(l) && strings.Contains(strings.SplitN(l, " ", 2)[0], ".")
}

var (
	boldRe       = regexp.MustCompile(`\*\*|__`)
	kindPrefixRe = regexp.MustCompile(`(?i)^(skriftlig\s+information|information|beslut|rapport)\s*:\s*`)
	bilagaParen  = regexp.MustCompile(`(?i)\(\s*(bilag(?:a|or)\b[^)]*)\)`)
	bilagaRe     = regexp.MustCompile(`\b(?i:bilag(?:a|or))\s*(\d{1,3}(?:\s?[A-ZÅÄÖ](?:\s*[).,;:]|\s*$))?(?:\s*(?:,|och|&)\s*\d{1,3}(?:\s?[A-ZÅÄÖ](?:\s*[).,;:]|\s*$))?)*)`)
	bilagaNumRe  = regexp.MustCompile(`\d{1,3}(?:\s?[A-ZÅÄÖ]\b)?`)
)

var kindNames = map[string]string{"skriftlig information": "Skriftlig information",
	"information": "Information", "beslut": "Beslut", "rapport": "Rapport"}

// splitHeading splits a heading into kind, title and attachments.
func splitHeading(text string) (kind, title string, attachments []string) {
	title = collapseSpace(boldRe.ReplaceAllString(text, ""))
	if m := kindPrefixRe.FindStringSubmatch(title); m != nil {
		kind = kindNames[strings.ToLower(collapseSpace(m[1]))]
		title = title[len(m[0]):]
	}
	for _, m := range bilagaParen.FindAllStringSubmatch(title, -1) {
		attachments = append(attachments, findAttachments(m[1])...)
	}
	title = collapseSpace(bilagaParen.ReplaceAllString(title, ""))
	return kind, strings.TrimSpace(title), attachments
}

// findAttachments finds "bilaga 7", "Bilaga 2 G", "bilaga10", "bilagor 3
// och 4" and writes each as "Bilaga N".
func findAttachments(s string) []string {
	if !mayHoldAttachment(s) { // guards.go
		return nil
	}
	var out []string
	for _, m := range bilagaRe.FindAllStringSubmatch(s, -1) {
		for _, n := range bilagaNumRe.FindAllString(m[1], -1) {
			out = append(out, "Bilaga "+strings.Join(strings.Fields(n), " "))
		}
	}
	return out
}
