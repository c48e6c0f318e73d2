package ingest

import "strings"

// Guards: cheap scans that tell when a regular expression cannot match a
// text at all, run before it. The date, party and attachment expressions
// ran over every item's whole text, and Go's regular expressions try a
// match at every position: they were an eighth of an ingest's CPU at 1M
// items (docs/performance.md). Each guard looks for what its expression
// cannot match without, so it may let through a text the expression then
// finds nothing in, but never turns one away that it would match in
// (TestGuardsNeverRefuseAMatch).

// mayHoldISODate: isoDateRe needs dddd-dd-dd.
func mayHoldISODate(s string) bool {
	for i := strings.IndexByte(s, '-'); i >= 0; {
		if i >= 4 && allDigits(s[i-4:i]) && i+6 <= len(s) && allDigits(s[i+1:i+3]) && s[i+3] == '-' && allDigits(s[i+4:i+6]) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '-')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// mayHoldCompactDate: compactDateRe needs six digits in a row.
func mayHoldCompactDate(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			if run++; run == 6 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// mayHoldWordDate: wordDateRe needs a digit, perhaps ":a" or ":e", white
// space, and then a letter a month's name may begin with, in either case
// (or ſ, which case-insensitive matching takes for an s).
func mayHoldWordDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i + 1
		if j+1 < len(s) && s[j] == ':' && strings.IndexByte("aeAE", s[j+1]) >= 0 {
			j += 2
		}
		k := j
		for k < len(s) && strings.IndexByte(" \t\n\f\r", s[k]) >= 0 {
			k++
		}
		if k > j && k < len(s) && (strings.IndexByte("jfmasondJFMASOND", s[k]) >= 0 || strings.HasPrefix(s[k:], "ſ")) {
			return true
		}
	}
	return false
}

// mayHoldPartyTag: partyNameRe needs "(" and one to three capitals of
// A–Z, Å, Ä, Ö, then ")".
func mayHoldPartyTag(s string) bool {
	for i := strings.IndexByte(s, '('); i >= 0; {
		rest := s[i+1:]
		n := 0
	capitals:
		for ; n < 3; n++ {
			switch {
			case len(rest) > 0 && rest[0] >= 'A' && rest[0] <= 'Z':
				rest = rest[1:]
			case strings.HasPrefix(rest, "Å"), strings.HasPrefix(rest, "Ä"), strings.HasPrefix(rest, "Ö"):
				rest = rest[len("Å"):]
			default:
				break capitals
			}
		}
		if n > 0 && strings.HasPrefix(rest, ")") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '(')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// mayHoldAttachment: the attachment expressions need "bilag" in any case.
func mayHoldAttachment(s string) bool {
	return strings.Contains(strings.ToLower(s), "bilag")
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
