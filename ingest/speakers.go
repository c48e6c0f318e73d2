package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// Speaker lines ("Föredragande: …") and participant lines ("Övriga
// medverkande: …") list people as groups of name, role and organisation
// separated by commas (a ";" sometimes stands between a name and its
// role). Several people are joined by "och" or listed in turn. The rules:
//
//   - The first group is always a name.
//   - A later comma-separated group is a new person when it looks like a
//     name that starts with a known given name; "och" starts a new person
//     when what follows it, up to the next comma, looks like a name. So
//     "och" inside a role ("Ordförande Nätverket för välfärdsteknik och
//     Verksamhetsutvecklare") stays in the role.
//   - The other groups describe the person before them: a group that
//     starts with a role word or in lower case is the role, any other
//     group the organisation. A single group like "Utvecklingsledare RSS
//     Dalarna" is cut at its first organisation word (an acronym, Region,
//     a word ending in -nätverket, -enheten, -center, …).
//   - People joined by "och" with nothing between them share the role and
//     organisation of the last of them.
//   - A bracketed remark at the end is the person's note.

var (
	speakerRe     = regexp.MustCompile(`^(?i:föredragande|föredragare)\s*:\s*(.*)$`)
	participantRe = regexp.MustCompile(`^(?i:övriga\s+medverkande|medverkande|övriga\s+deltagare|även\s+närvarande)\s*:\s*(.*)$`)
	brokenNameRe  = regexp.MustCompile(`(\p{L})- (\p{Lu})`)
	trailParenRe  = regexp.MustCompile(`\s*\(([^()]*)\)\s*$`)
)

type token struct {
	text     string
	afterOch bool
}

// parsePeople reads the text of a speaker or participant line.
func (ns nameSet) parsePeople(text string) []Person {
	text = brokenNameRe.ReplaceAllString(collapseSpace(text), "$1-$2")
	text = strings.Trim(text, " .,;")
	var people []Person
	var attrs [][]string
	var joined []bool
	for i, t := range ns.tokens(text) {
		if i == 0 || (t.afterOch && ns.looksLikeName(t.text, false)) || ns.looksLikeName(t.text, true) {
			people = append(people, Person{Name: t.text})
			attrs = append(attrs, nil)
			joined = append(joined, t.afterOch && i > 0 && len(attrs[len(attrs)-2]) == 0)
			continue
		}
		attrs[len(attrs)-1] = append(attrs[len(attrs)-1], t.text)
	}
	for i := range people {
		describe(&people[i], attrs[i])
	}
	for i := len(people) - 1; i > 0; i-- {
		if joined[i] {
			people[i-1].Role, people[i-1].Organisation = people[i].Role, people[i].Organisation
		}
	}
	return people
}

// tokens splits at commas and semicolons outside brackets, then at "och"
// where a name follows.
func (ns nameSet) tokens(text string) []token {
	var out []token
	for _, group := range splitOutsideParens(text) {
		parts := strings.Split(group, " och ")
		out = append(out, token{text: strings.TrimSpace(parts[0])})
		for _, p := range parts[1:] {
			p = strings.TrimSpace(p)
			if ns.looksLikeName(p, false) {
				out = append(out, token{text: p, afterOch: true})
			} else {
				out[len(out)-1].text += " och " + p
			}
		}
	}
	return out
}

func splitOutsideParens(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case (r == ',' || r == ';') && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return nonEmpty(append(out, s[start:]))
}

// describe turns the groups after a name into role, organisation and note.
func describe(p *Person, groups []string) {
	if n := len(groups); n > 0 {
		if m := trailParenRe.FindStringSubmatchIndex(groups[n-1]); m != nil {
			p.Note = groups[n-1][m[2]:m[3]]
			groups[n-1] = groups[n-1][:m[0]]
		}
	}
	var roles, orgs []string
	for _, g := range nonEmpty(groups) {
		if roleLike(g) {
			roles = append(roles, g)
		} else {
			orgs = append(orgs, g)
		}
	}
	if len(orgs) == 0 && len(roles) == 1 {
		roles[0], orgs = cutAtOrg(roles[0])
	}
	p.Role, p.Organisation = strings.Join(roles, ", "), strings.Join(orgs, ", ")
}

// cutAtOrg splits "Utvecklingsledare RSS Dalarna" into the role and the
// organisation at the first capitalised organisation word after the first.
func cutAtOrg(s string) (string, []string) {
	w := strings.Fields(s)
	for i := 1; i < len(w); i++ {
		if capitalised(w[i]) && isOrgWord(w[i]) {
			return strings.Join(w[:i], " "), []string{strings.Join(w[i:], " ")}
		}
	}
	return s, nil
}

func roleLike(g string) bool {
	first := strings.Fields(g)[0]
	return !capitalised(first) || isRoleWord(first)
}

var roleWords = map[string]bool{"ordf": true, "vice": true, "v": true, "bitr": true, "biträdande": true,
	"tf": true, "t.f": true, "ställföreträdande": true, "chef": true, "ledamot": true, "ersättare": true,
	"representant": true, "tjänsteperson": true, "medarbetare": true, "kurator": true, "psykolog": true,
	"läkare": true, "sjuksköterska": true, "föreståndare": true, "controller": true, "utredare": true,
	"analytiker": true, "ombud": true, "politiker": true, "kommunalråd": true, "regionråd": true}

var roleSuffixes = []string{"chef", "ledare", "utvecklare", "samordnare", "ordförande", "sekreterare",
	"handläggare", "strateg", "direktör", "ansvarig", "specialist", "rådgivare", "koordinator",
	"konsult", "läkare", "sköterska", "kontrollant", "inspektör", "assistent", "administratör"}

// isRoleWord reports a title or function ("Utvecklingsledare", "bitr.").
func isRoleWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,;:()"))
	if roleWords[w] {
		return true
	}
	for _, s := range roleSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

var orgWords = map[string]bool{"region": true, "kommun": true, "landstinget": true, "länsstyrelsen": true,
	"högskolan": true, "universitet": true, "styrgrupp": true, "ab": true, "rss": true}

var orgSuffixes = []string{"nätverket", "nätverk", "enheten", "enhet", "förvaltningen", "förvaltning",
	"centralen", "centret", "center", "centrum", "kommun", "kommunen", "regionen", "rådet", "nämnden",
	"styrelsen", "förbundet", "gruppen", "avdelningen", "kansliet", "verket", "myndigheten",
	"mottagningen", "vården", "sjukhuset", "lasarettet", "bolaget", "stiftelsen", "föreningen",
	"institutet", "universitetet", "högskola", "skolan", "utskottet", "sektionen"}

// isOrgWord reports an organisation word: an acronym (RSS, LPO) or a word
// such as Region, Primärvården or Länschefsnätverket.
func isOrgWord(w string) bool {
	w = strings.Trim(w, ".,;:()")
	if isAcronym(w) {
		return true
	}
	lw := strings.ToLower(w)
	if orgWords[lw] {
		return true
	}
	for _, s := range orgSuffixes {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// blockText joins the wrapped lines of a speaker or participant block.
func blockText(lines []string) string {
	text := ""
	for _, l := range lines {
		if text == "" {
			text = l
		} else {
			text = joinWrapped(text, l)
		}
	}
	return text
}
