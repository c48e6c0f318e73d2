package ingest

import (
	"regexp"
	"strings"
)

// An attendance table row names an organisation and its people. Rows
// exported with tabs (or runs of spaces) keep their columns; rows flattened
// to single spaces ("Region Dalarna Sofia Jarl (ordf) Sebastian Karlberg")
// are split by segmentWords below.

var (
	cellSepRe = regexp.MustCompile(`\t+|\s{2,}`)
	parenRe   = regexp.MustCompile(`\(([^()]*)\)`)
)

// parseRow reads one row of the attendance table.
func (ns nameSet) parseRow(row string) []Person {
	if cells := nonEmpty(cellSepRe.Split(row, -1)); len(cells) > 1 {
		var people []Person
		for _, c := range cells[1:] {
			people = append(people, ns.splitPeople(cells[0], c, false)...)
		}
		return people
	}
	return ns.splitPeople("", row, true)
}

// splitPeople splits text into people at their bracketed remarks
// ("(ordf)", "(del av mötet)") and then into names. With withOrg, the
// first words of the text are the organisation.
func (ns nameSet) splitPeople(org, text string, withOrg bool) []Person {
	var people []Person
	rest := text
	for rest != "" {
		chunk, remark := rest, ""
		if loc := parenRe.FindStringSubmatchIndex(rest); loc != nil {
			chunk, remark, rest = rest[:loc[0]], rest[loc[2]:loc[3]], rest[loc[1]:]
		} else {
			rest = ""
		}
		o, names := segmentWords(ns, strings.Fields(chunk), withOrg && len(people) == 0 && org == "")
		if o != "" {
			org = o
		}
		for _, n := range names {
			people = append(people, Person{Organisation: org, Name: n})
		}
		if len(people) > 0 && remark != "" {
			setRemark(&people[len(people)-1], remark)
		}
	}
	return people
}

// roleRemarkRe tells a role ("ordf", "v ordf", "ers") from another remark
// ("del av mötet"), which becomes a note.
var roleRemarkRe = regexp.MustCompile(`(?i)^(?:v\.?\s*|vice\s+|1:e\s+v\.?\s*|2:e\s+v\.?\s*)?(?:ordf\.?|ordförande|sekr\.?|sekreterare|ers\.?|ersättare|ledamot|adj\.?|adjungerad|justerare)$`)

func setRemark(p *Person, remark string) {
	remark = collapseSpace(remark)
	if roleRemarkRe.MatchString(remark) {
		p.Role = remark
	} else {
		p.Note = remark
	}
}

// segmentWords splits a run of capitalised words into an optional
// organisation and names of two or three words, choosing the split with
// the best score by dynamic programming. The score rewards a name that
// starts with a known given name, accepts a second given name right after
// the first ("Kajsa Lena Fagerström", "Bengt Åke Svahn"), and penalises
// one-word names, three-word names, and a given name in surname position,
// which is where the next person usually begins. The organisation is one
// word, or two or three at a growing cost ("Region Dalarna").
func segmentWords(ns nameSet, words []string, withOrg bool) (org string, names []string) {
	if len(words) == 0 {
		return "", nil
	}
	start := 0
	if withOrg {
		start = bestOrgLen(ns, words)
		org = strings.Join(words[:start], " ")
	}
	return org, splitNames(ns, words[start:])
}

func bestOrgLen(ns nameSet, words []string) int {
	best, bestScore := 1, -1e9
	for k := 1; k <= 3 && k <= len(words); k++ {
		s := orgScore(ns, words[:k]) + namesScore(ns, words[k:])
		if s > bestScore {
			best, bestScore = k, s
		}
	}
	return best
}

func orgScore(ns nameSet, words []string) float64 {
	s := []float64{0, 0, -0.5, -2.5}[len(words)]
	for _, w := range words {
		if ns.isFirst(w) {
			s -= 3
		}
	}
	return s
}

// namesScore and splitNames share the dynamic programme over cut points.
func namesScore(ns nameSet, words []string) float64 {
	s, _ := bestCuts(ns, words)
	return s
}

func splitNames(ns nameSet, words []string) []string {
	_, cuts := bestCuts(ns, words)
	var names []string
	for i := 0; i+1 < len(cuts); i++ {
		names = append(names, strings.Join(words[cuts[i]:cuts[i+1]], " "))
	}
	return names
}

// bestCuts returns the best score and the cut points (0, …, len(words)).
func bestCuts(ns nameSet, words []string) (float64, []int) {
	n := len(words)
	score := make([]float64, n+1)
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		score[i] = -1e9
		for l := 1; l <= 3 && l <= i; l++ {
			if s := score[i-l] + nameScore(ns, words[i-l:i]); s > score[i] {
				score[i], from[i] = s, i-l
			}
		}
	}
	cuts := []int{n}
	for i := n; i > 0; i = from[i] {
		cuts = append([]int{from[i]}, cuts...)
	}
	return score[n], cuts
}

func nameScore(ns nameSet, w []string) float64 {
	s := map[int]float64{1: -5, 2: 0, 3: -1}[len(w)]
	if ns.isFirst(w[0]) {
		s += 2
	} else {
		s -= 1.5
	}
	allFirst := ns.isFirst(w[0])
	for _, x := range w[1:] {
		first := ns.isFirst(x)
		if first && !allFirst {
			s--
		}
		allFirst = allFirst && first
	}
	return s
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// learnFromTable adds the given names of a tab-separated table, where each
// cell holds exactly one person, to ns before flat rows are split.
func (ns nameSet) learnFromTable(rows []string) {
	for _, r := range rows {
		cells := nonEmpty(cellSepRe.Split(r, -1))
		for i := 1; i < len(cells); i++ {
			ns.learn(parenRe.ReplaceAllString(cells[i], ""))
		}
	}
}
