package ingest

import (
	"regexp"
	"slices"
	"strings"
)

// Protocols name politicians with their party in brackets: "Aslan Akbas
// (S)", "Jenny Perez Grannas (V)", "Kommunalrådet Marie Brynolfsson (V)".
// Every such name in an item is one of its participants.

var partyNameRe = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’-]*\s+){1,4}\p{Lu}[\p{L}'’-]*)\s*\(([A-ZÅÄÖ]{1,3})\)`)

// partyPeople finds the names with a party in text, each once, in order.
func (ns nameSet) partyPeople(text string) []Person {
	if !mayHoldPartyTag(text) { // guards.go
		return nil
	}
	matches := partyNameRe.FindAllStringSubmatch(text, -1)
	// Two-word names are a given name and a surname: learn the given
	// names first, to find where a longer run of capitals starts a name.
	for _, m := range matches {
		if f := strings.Fields(m[1]); len(f) == 2 && !slices.ContainsFunc(f, notNameWord) {
			ns.learn(m[1])
		}
	}
	var out []Person
	for _, m := range matches {
		name := ns.trimToName(strings.Fields(m[1]))
		if name == "" || slices.ContainsFunc(out, func(p Person) bool { return p.Name == name }) {
			continue
		}
		out = append(out, Person{Name: name, Party: m[2]})
	}
	return out
}

// trimToName drops the capitalised words before a name ("Kommunalrådet",
// "Ordföranden", a sentence's first word): the name starts at its first
// known given name, or else after the words that read as a role, an
// organisation or a noun in the definite form.
func (ns nameSet) trimToName(words []string) string {
	for k := 0; k+1 < len(words); k++ {
		if ns.isFirst(words[k]) {
			return strings.Join(words[k:], " ")
		}
	}
	k := 0
	for k+2 < len(words) && notName(words[k]) {
		k++
	}
	if rest := words[k:]; len(rest) >= 2 && !slices.ContainsFunc(rest, notNameWord) {
		return strings.Join(rest, " ")
	}
	return ""
}

// notName reports a capitalised word that begins no name.
func notName(w string) bool {
	lw := strings.ToLower(w)
	return notNameWord(w) || strings.HasSuffix(lw, "en") || strings.HasSuffix(lw, "et") || strings.HasSuffix(lw, "na")
}

func notNameWord(w string) bool { return isRoleWord(w) || isOrgWord(w) }
