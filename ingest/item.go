package ingest

import (
	"regexp"
	"slices"
	"strings"
)

// itemParts are the lines of one item's segment sorted by role.
type itemParts struct {
	body         []string
	speakers     []string
	participants []string
	decisions    []string
	sections     []Section
	dnr          string
}

// itemDnrRe is an item's case number line in § protocols: "Dnr KS 2024/12".
var itemDnrRe = regexp.MustCompile(`^(?i:dnr|diarienummer|diarienr)\.?\s*:?\s*(\S.*\d.*)$`)

// scanItem sorts the lines between one heading and the next into speaker
// and participant blocks, decision blocks, named sections and body. In a §
// item (h.paragraph) the decision is what its "Beslut" section says, and a
// sentence such as "Kommunfullmäktige beslutar att …" elsewhere is part of
// the account, not a decision block.
func scanItem(lines []string, h heading, organ string) itemParts {
	var p itemParts
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if h.paragraph && paragraphRepeat(l, h.number) {
			continue // the heading again at the top of a page: the item goes on
		}
		if n := scanSection(&p, l, lines[i+1:]); n >= 0 {
			i += n
			continue
		}
		if m := speakerRe.FindStringSubmatch(l); m != nil {
			n := labelBlockEnd(lines, i+1)
			p.speakers = append(p.speakers, blockText(append([]string{m[1]}, lines[i+1:n]...)))
			i = n - 1
			continue
		}
		if m := participantRe.FindStringSubmatch(l); m != nil {
			n := labelBlockEnd(lines, i+1)
			p.participants = append(p.participants, blockText(append([]string{m[1]}, lines[i+1:n]...)))
			i = n - 1
			continue
		}
		if m := itemDnrRe.FindStringSubmatch(l); m != nil && p.dnr == "" {
			p.dnr = collapseSpace(m[1])
			continue
		}
		if rest, ok := decisionHeader(l, organ); ok && !h.paragraph {
			ds, used := readDecisions(rest, lines[i+1:])
			p.decisions = append(p.decisions, ds...)
			i += used
			continue
		}
		p.body = append(p.body, l)
	}
	return p
}

// scanSection reads a "Beslut" section or a named section that l opens,
// with the lines after it, and returns how many of those it used; -1 when
// l opens none.
func scanSection(p *itemParts, l string, after []string) int {
	if decisionSection(l) {
		ds, used := readDecisionSection(after)
		p.decisions = append(p.decisions, ds...)
		return used
	}
	if name := sectionName(l); name != "" {
		text, used := readSection(after)
		p.sections = append(p.sections, Section{Name: name, Text: text})
		return used
	}
	return -1
}

// labelBlockEnd finds the end of a speaker or participant block that
// starts before lines[j]. The block ends at an empty line, unless it ends
// in "och" or a hyphen and so must go on after it, and where the next line
// does not read like the rest of a list of people (see listContinues).
func labelBlockEnd(lines []string, j int) int {
	for ; j < len(lines); j++ {
		l, prev := lines[j], lines[j-1]
		if l == "" {
			if !(strings.HasSuffix(prev, " och") || strings.HasSuffix(prev, "-")) ||
				j+1 >= len(lines) || !listContinues(prev, lines[j+1]) {
				return j
			}
			j++
			continue
		}
		if !listContinues(prev, l) {
			return j
		}
	}
	return j
}

// abbreviations that end a line without ending a sentence ("bitr.").
var abbreviations = map[string]bool{"bitr.": true, "tf.": true, "t.f.": true, "resp.": true, "ca.": true,
	"s.k.": true, "t.ex.": true, "bl.a.": true, "m.fl.": true, "avd.": true, "enh.": true, "adm.": true,
	"v.": true, "ordf.": true, "sekr.": true, "kl.": true, "fr.o.m.": true, "t.o.m.": true}

func endsAbbreviation(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && abbreviations[strings.ToLower(f[len(f)-1])]
}

var sentenceBreakRe = regexp.MustCompile(`\p{Ll}{2}[.!?]\s+\p{Lu}`)

// listContinues reports whether line continues a list of people after
// prev: prev did not end it with a full stop, line is no new part of the
// item and no prose (no sentence ends inside it), and it starts in lower
// case, holds a comma or is a short tail ("Dalarna.").
func listContinues(prev, line string) bool {
	if line == "" || endsSentence(prev) && !endsAbbreviation(prev) || isStructural(line) || decisionHeaderShape(line) ||
		sentenceBreakRe.MatchString(line) {
		return false
	}
	return startsLower(line) || strings.Contains(line, ",") || len(strings.Fields(line)) <= 4
}

// buildItem turns a heading and its parts into an Item.
func buildItem(h heading, p itemParts, ns nameSet, ctx dateCtx) Item {
	kind, title, attachments := splitHeading(h.text)
	it := Item{Number: h.number, Sub: h.sub, Kind: kind, Title: title, Decisions: p.decisions,
		Sections: p.sections, Dnr: p.dnr}
	if h.dnr != "" {
		it.Dnr = h.dnr
	}
	for _, s := range p.speakers {
		people := ns.parsePeople(s)
		for _, person := range people {
			ns.learn(person.Name)
		}
		it.Speakers = append(it.Speakers, people...)
	}
	for _, s := range p.participants {
		it.Participants = append(it.Participants, ns.parsePeople(s)...)
	}
	it.Body = unwrap(p.body)
	all := strings.Join(slices.Concat([]string{h.text}, p.speakers, p.participants, p.body, p.decisions, sectionTexts(p.sections)), "\n")
	it.Participants = append(it.Participants, ns.partyPeople(all)...)
	it.Attachments = uniq(append(attachments, findAttachments(all)...))
	it.Dates = sortedUniq(ctx.findDates(all))
	return it
}

// adoptTrailingDecisions gives a parent item the decision block written
// after its last sub-item, where the parser first found it: when neither
// the parent nor any earlier sub-item decided anything and the last
// sub-item is not itself a matter for decision, the block closes the whole
// item.
func adoptTrailingDecisions(items []Item) {
	for i := 0; i < len(items); i++ {
		if items[i].Sub != "" {
			continue
		}
		j := i + 1
		for j < len(items) && items[j].Sub != "" {
			j++
		}
		subs := items[i+1 : j]
		if len(subs) == 0 || len(items[i].Decisions) > 0 {
			continue
		}
		last := &subs[len(subs)-1]
		if last.Kind == "Beslut" || slices.ContainsFunc(subs[:len(subs)-1], hasDecisions) {
			continue
		}
		items[i].Decisions, last.Decisions = last.Decisions, nil
	}
}

func hasDecisions(it Item) bool { return len(it.Decisions) > 0 }

var (
	justerareRe = regexp.MustCompile(`(?i)\butse\s+(.+?)\s+(?:till|som)\s+justerare\b|\butse\s+(.+?)\s+att\s+(?:jämte\s+\S+\s+)?justera\b`)
	previousRe  = regexp.MustCompile(`(?i)\bföregående\s+(?:minnesanteckningar|mötesanteckningar|anteckningar|protokoll|möte)`)
	nameSepRe   = regexp.MustCompile(`\s*(?:,|;|&|\boch\b)\s*`)
)

// justerare finds "att utse X (och Y) till justerare" among the decisions
// of minutes, or the protocol's "X (V), Y (M) och Z (D) justerar dagens
// protokoll" (the chair who signs with them is named after "justerar").
func justerare(items []Item, ns nameSet) []string {
	for _, it := range items {
		for _, d := range it.Decisions {
			if m := justerareRe.FindStringSubmatch(d); m != nil {
				return splitNameList(m[1] + m[2])
			}
			if m := justerarRe.FindStringSubmatch(d); m != nil {
				return names(ns.partyPeople(m[1]))
			}
		}
	}
	return nil
}

var justerarRe = regexp.MustCompile(`(?i)([^.]*?)\bjusterar\s+(?:dagens\s+|detta\s+)?protokoll`)

func names(people []Person) []string {
	var out []string
	for _, p := range people {
		out = append(out, p.Name)
	}
	return out
}

func splitNameList(s string) []string {
	return nonEmpty(nameSepRe.Split(parenRe.ReplaceAllString(s, ""), -1))
}

// previousMinutesDate reads the date of the minutes approved under an item
// such as "Föregående minnesanteckningar 260212".
func previousMinutesDate(items []Item, ctx dateCtx) string {
	for _, it := range items {
		if previousRe.MatchString(it.Title) {
			if d := ctx.firstDate(it.Title); d != "" {
				return d
			}
			return ctx.firstDate(it.Body)
		}
	}
	return ""
}

func uniq(ss []string) []string {
	out := []string{}
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func sortedUniq(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return slices.Compact(out)
}

func sectionTexts(ss []Section) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}
