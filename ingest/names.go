package ingest

import (
	_ "embed"
	"strings"
	"unicode"
)

//go:embed names_sv.txt
var namesFile string

// firstNames is the built-in list of common Swedish given names, lowercased.
var firstNames = loadNames(namesFile)

func loadNames(text string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[strings.ToLower(line)] = true
		}
	}
	return m
}

// nameSet is the given names known while parsing one document: the built-in
// list plus names the document itself spells out unambiguously (cells of a
// tab-separated attendance table, the first name of a speaker line).
type nameSet map[string]bool

func newNameSet() nameSet { return nameSet{} }

func (s nameSet) learn(fullName string) {
	if f := strings.Fields(fullName); len(f) > 1 {
		s[strings.ToLower(f[0])] = true
	}
}

// isFirst reports whether word is a given name; a hyphenated word counts
// when all its parts are ("Britt-Inger", "Sven-Olov").
func (s nameSet) isFirst(word string) bool {
	word = strings.ToLower(strings.Trim(word, ".,;:()"))
	if word == "" {
		return false
	}
	for _, part := range strings.Split(word, "-") {
		if !firstNames[part] && !s[part] {
			return false
		}
	}
	return true
}

// capitalised reports whether word starts with an upper-case letter.
func capitalised(word string) bool {
	for _, r := range word {
		return unicode.IsUpper(r)
	}
	return false
}

// looksLikeName reports whether s could be a person's name: two to four
// capitalised words, none of them a role or an organisation word. With
// strict, the first word must also be a known given name.
func (s nameSet) looksLikeName(text string, strict bool) bool {
	words := strings.Fields(text)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if !capitalised(w) || isRoleWord(w) || isOrgWord(w) || strings.ContainsAny(w, "()0123456789") {
			return false
		}
	}
	return !strict || s.isFirst(words[0])
}
