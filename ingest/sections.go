package ingest

import (
	"regexp"
	"strings"
)

// A § item is divided by headings on lines of their own, the same few in
// every Swedish municipal protocol. "Beslut" opens the decision. The
// sections of the debate ("Yrkanden", "Propositionsordning",
// "Omröstning", "Reservation", "Protokollsanteckning", …) are kept by name
// (Item.Sections). The other headings ("Tidigare behandling", "Handling",
// "Protokollsutdrag skickas till", …) belong to the account of the matter,
// the item's body; they matter here because they end a section.

var (
	decisionSectionRe = regexp.MustCompile(`^(?i:beslut|(?:fullmäktiges|kommunfullmäktiges|styrelsens|kommunstyrelsens|nämndens|utskottets)\s+beslut)$`)
	sectionRe         = regexp.MustCompile(`^(?i:yrkanden?|förslag\s+till\s+beslut\s+på\s+sammanträdet|propositionsordning|beslutsgång|omröstning(?:ar)?(?:\s*[-–]\s*\S.*)?|huvudvotering|votering|reservation(?:er)?|protokollsanteckning(?:ar)?|särskil(?:t|da)\s+yttranden?|jäv)$`)
	bodyHeadingRe     = regexp.MustCompile(`^(?i:tidigare\s+behandling|handlingar?|beslutsunderlag|ärendet|ärendebeskrivning|beskrivning\s+av\s+ärendet|bakgrund|sammanfattning|protokollsutdrag\s+skickas\s+till|expedieras(?:\s+till)?|skickas\s+till|justering|information|bilagor)$`)
)

// decisionSection reports the line that opens the decision of a § item.
func decisionSection(l string) bool { return decisionSectionRe.MatchString(l) }

// sectionName returns the heading of a named section, or "".
func sectionName(l string) string {
	if sectionRe.MatchString(l) {
		return l
	}
	return ""
}

// endsSection reports a line that ends a section or a decision: any of the
// headings above, or a § heading repeated at the top of a page. (Numbered
// lines are points of a decision here, not headings.)
func endsSection(l string) bool {
	if _, ok := matchParagraph(l, 0); ok {
		return true
	}
	return decisionSection(l) || sectionName(l) != "" || bodyHeadingRe.MatchString(l)
}

// readSection reads a named section's lines, up to the next heading, and
// returns its unwrapped text and how many lines it used.
func readSection(lines []string) (string, int) {
	n := 0
	for n < len(lines) && !endsSection(lines[n]) {
		n++
	}
	return unwrap(lines[:n]), n
}

// readDecisionSection reads what follows "Beslut": the decision as
// written. Its first paragraph, lead-in included ("Enligt kommunstyrelsens
// förslag:"), is one decision; each numbered point ("1. …") is another,
// with its lettered parts ("a. …") and wrapped lines. An empty line after
// a finished sentence ends the decision unless a point follows: what comes
// then is the account of the matter, which some protocols put after the
// decision.
func readDecisionSection(lines []string) ([]string, int) {
	var out []string
	var cur []string
	used, blank := 0, false
	for i, l := range lines {
		if l == "" {
			blank = true
			continue
		}
		if endsSection(l) {
			break
		}
		if blank && len(cur) > 0 && !goesOnAfterBlank(cur[len(cur)-1], l) {
			break
		}
		if listEntryRe.MatchString(l) && len(cur) > 0 {
			out = append(out, blockText(cur))
			cur = nil
		}
		cur = append(cur, l)
		used, blank = i+1, false
	}
	if len(cur) > 0 {
		out = append(out, blockText(cur))
	}
	return out, used
}

// goesOnAfterBlank reports whether a decision whose last line is last goes
// on with l after an empty line: a point or lower case goes on, and so does
// anything after a line that did not finish a sentence (a lead-in ending
// in a colon, a list of dates).
func goesOnAfterBlank(last, l string) bool {
	if listEntryRe.MatchString(l) || letterPointRe.MatchString(l) || startsLower(l) {
		return true
	}
	return !endsSentence(last) || strings.HasSuffix(last, ":")
}

// letterPointRe is a lettered part of a decision point: "a. …", "b) …".
var letterPointRe = regexp.MustCompile(`^[a-zåäö][.)]\s`)
