package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Protocols (§ protokoll) head each item "§ N". The heading line may also
// carry the item's case number, bare ("§ 10 0901/22") or labelled ("§ 388
// Ärendenummer SLK-2024-00009:3", "§ 5 Dnr KS 2024/12"), and the title
// either follows on the same line ("§ 12 Ärende …") or fills the lines
// below it.

var (
	paraRe      = regexp.MustCompile(`^(?:\*\*)?§\s*(\d{1,4})(?:\*\*)?(?:\s+(.*))?$`)
	caseLabelRe = regexp.MustCompile(`^(?i:ärendenummer|ärendenr|diarienummer|diarienr|dnr)\.?:?$`)
)

// matchParagraph matches a § heading with the number next (any number
// when next is 0).
func matchParagraph(l string, next int) (heading, bool) {
	m := paraRe.FindStringSubmatch(l)
	if m == nil || (next != 0 && atoi(m[1]) != next) {
		return heading{}, false
	}
	dnr, title, labelled := splitCaseNumber(strings.Fields(m[2]))
	if title != "" && !plausibleTitle(title, 250) {
		return heading{}, false // "§ 11 till kommunstyrelsen att …" is running text
	}
	return heading{number: strconv.Itoa(atoi(m[1])), dnr: dnr, text: title, paragraph: true,
		titleBelow: title == "", dnrBelow: labelled && dnr == ""}, true
}

// splitCaseNumber splits what follows "§ N" into the case number and the
// title. A labelled number is the tokens after the label up to the first
// that holds no digit, an office code before it included ("KS 2024/12");
// a bare number is one token of digits joined by "/" or "-".
func splitCaseNumber(f []string) (dnr, title string, labelled bool) {
	if len(f) > 0 && caseLabelRe.MatchString(f[0]) {
		n := caseNumberLen(f[1:])
		return strings.Join(f[1:1+n], " "), strings.Join(f[1+n:], " "), true
	}
	if len(f) > 0 && isCaseToken(f[0]) {
		return f[0], strings.Join(f[1:], " "), false
	}
	return "", strings.Join(f, " "), false
}

// caseNumberLen is how many of the tokens make a case number: an office
// code in capitals and a token with a digit, or the token with a digit.
func caseNumberLen(f []string) int {
	switch {
	case len(f) >= 2 && isAcronym(f[0]) && hasDigit(f[1]):
		return 2
	case len(f) >= 1 && hasDigit(f[0]):
		return 1
	}
	return 0
}

// isCaseToken reports a bare case number: digits with "/" or "-" and no
// lower-case letters ("0901/22", "SLK-2024-00009", "KS-2024/12").
func isCaseToken(t string) bool {
	return hasDigit(t) && strings.ContainsAny(t, "/-") && !strings.ContainsFunc(t, unicode.IsLower)
}

func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

// hasParagraphs reports whether the items of the document are § items: at
// least two lines are § headings. A lone "§ 4" may be a reference.
func hasParagraphs(lines []string) bool {
	n := 0
	for _, l := range lines {
		if _, ok := matchParagraph(l, 0); ok {
			n++
			if n == 2 {
				return true
			}
		}
	}
	return false
}

// paragraphRepeat reports whether l is the heading of item number again, as
// a protocol repeats it at the top of a page where the item goes on.
func paragraphRepeat(l, number string) bool {
	h, ok := matchParagraph(l, 0)
	return ok && h.number == number
}
