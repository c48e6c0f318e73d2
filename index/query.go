package index

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The query language a person types in the search box:
//
//	god vård              every word must match (in any text field)
//	"god och nära vård"   a phrase: the words in this order, as written
//	-minimaria            no item with this word (or -"phrase", -(…))
//	lpo OR rss            either (binds two neighbouring terms)
//	(lpo OR rss) vård     parentheses group
//	talare:schmitt        a field: talare/speaker, typ/kind, beslut/decision,
//	                      organ, titel/title, datum/date (2026, 2026-04,
//	                      2026-04-09, or a range 2024-01..2024-06, open at
//	                      either end: 2024.. or ..2023-06)
//
// Words and phrases after a field prefix search that field only, and a
// prefix before parentheses applies to every term inside that names no
// field of its own. A prefix the language does not know is read as part
// of a word, since minutes contain colons ("kl:", "Bilaga:"). Errors name
// the position of the mistake, counted in letters from 1.

// term is one word, phrase or parenthesised group of a query.
type term struct {
	field  string // "" for the text fields; else a key of fieldPrefixes
	text   string
	phrase bool
	negate bool
	sub    *parsedQuery // a group in parentheses; text is then empty

	// Set by the compiler, not the parser: a synonym set's forms, any of
	// which may match (synonyms.go), and a form's stems, matched as a
	// phrase.
	alternatives []term
	stems        []string
}

// parsedQuery: every group must match (a group is terms joined by OR), no
// excluded term may.
type parsedQuery struct {
	groups   [][]term
	excluded []term
}

// terms calls fn for every word and phrase of the query, inside
// parentheses too, excluded ones included.
func (pq parsedQuery) terms(fn func(term)) {
	visit := func(t term) {
		if t.sub != nil {
			t.sub.terms(fn)
			return
		}
		fn(t)
	}
	for _, g := range pq.groups {
		for _, t := range g {
			visit(t)
		}
	}
	for _, t := range pq.excluded {
		visit(t)
	}
}

// Bounds on the work one query may ask for.
const (
	maxTerms   = 64
	maxNesting = 8 // parentheses in parentheses
)

// fieldPrefixes maps the prefixes a user may type, Swedish and English,
// to the field they search.
var fieldPrefixes = map[string]string{
	"talare": fieldSpeakers, "speaker": fieldSpeakers, "föredragande": fieldSpeakers,
	"typ": fieldKindText, "kind": fieldKindText,
	"beslut": fieldDecisions, "decision": fieldDecisions,
	"organ": fieldOrganText,
	"titel": fieldTitle, "title": fieldTitle,
	"datum": fieldMeetingDate, "date": fieldMeetingDate,
}

func badQuery(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadQuery, fmt.Sprintf(format, args...))
}

// parseQuery reads the query language into terms.
func parseQuery(q string) (parsedQuery, error) {
	p := &parser{src: q}
	pq, err := p.sequence("", -1)
	if err != nil {
		return parsedQuery{}, err
	}
	if p.count > maxTerms {
		return parsedQuery{}, badQuery("too many terms (%d, at most %d)", p.count, maxTerms)
	}
	return pq, nil
}

// parser reads a query from left to right; pos is a byte offset in src.
type parser struct {
	src   string
	pos   int
	depth int
	count int // words and phrases read
}

// at is the position of byte offset i as a person counts it.
func (p *parser) at(i int) int { return utf8.RuneCountInString(p.src[:i]) + 1 }

func (p *parser) rest() string { return p.src[p.pos:] }

func (p *parser) skipSpace() {
	p.pos = len(p.src) - len(strings.TrimLeftFunc(p.rest(), unicode.IsSpace))
}

// sequence reads terms up to the end or, inside parentheses opened at
// byte open, up to the closing one. field is the prefix in force.
func (p *parser) sequence(field string, open int) (parsedQuery, error) {
	var pq parsedQuery
	orAt := -1 // where a pending OR stands
	for p.skipSpace(); ; p.skipSpace() {
		if p.pos == len(p.src) {
			if open >= 0 {
				return pq, badQuery("the parenthesis at position %d is not closed", p.at(open))
			}
			break
		}
		if p.src[p.pos] == ')' {
			if open < 0 {
				return pq, badQuery("the closing parenthesis at position %d has no opening one", p.at(p.pos))
			}
			p.pos++
			break
		}
		if p.isOr() {
			if orAt >= 0 || len(pq.groups) == 0 && len(pq.excluded) == 0 {
				return pq, badQuery("OR at position %d needs a term on each side", p.at(p.pos))
			}
			if len(pq.groups) == 0 || pq.groups[len(pq.groups)-1][0].negate {
				return pq, badQuery("OR at position %d cannot join an excluded term", p.at(p.pos))
			}
			orAt = p.pos
			p.pos += len("OR")
			continue
		}
		t, ok, err := p.clause(field)
		switch {
		case err != nil:
			return pq, err
		case !ok:
			// a lone "-": nothing to search
		case t.negate && orAt >= 0:
			return pq, badQuery("OR at position %d cannot join an excluded term", p.at(orAt))
		case t.negate:
			pq.excluded = append(pq.excluded, t)
		case orAt >= 0:
			last := len(pq.groups) - 1
			pq.groups[last] = append(pq.groups[last], t)
		default:
			pq.groups = append(pq.groups, []term{t})
		}
		orAt = -1
	}
	if orAt >= 0 {
		return pq, badQuery("OR at position %d needs a term on each side", p.at(orAt))
	}
	return pq, nil
}

// isOr: the word OR, in capitals, stands at pos.
func (p *parser) isOr() bool {
	r := p.rest()
	if !strings.HasPrefix(r, "OR") {
		return false
	}
	after := r[len("OR"):]
	return after == "" || strings.IndexFunc(after, unicode.IsSpace) == 0 || after[0] == '(' || after[0] == '"'
}

// clause reads one term: an optional "-", an optional field prefix, then
// a phrase, a group in parentheses or a word. ok is false when there was
// nothing to search.
func (p *parser) clause(field string) (t term, ok bool, err error) {
	t.field = field
	if strings.HasPrefix(p.rest(), "-") {
		t.negate = true
		p.pos++
	}
	prefixAt := p.pos
	if name, n, found := prefix(p.rest()); found {
		t.field = name
		p.pos += n
	}
	r := p.rest()
	switch {
	case strings.HasPrefix(r, "("):
		return p.group(t)
	case strings.HasPrefix(r, `"`) || strings.HasPrefix(r, "”") || strings.HasPrefix(r, "“"):
		return p.phrase(t)
	}
	end := strings.IndexFunc(r, func(c rune) bool { return unicode.IsSpace(c) || c == ')' && p.depth > 0 })
	if end < 0 {
		end = len(r)
	}
	if end == 0 {
		if t.field != field {
			return t, false, badQuery("the field at position %d needs a value after the colon", p.at(prefixAt))
		}
		return t, false, nil
	}
	t.text = r[:end]
	p.pos += end
	p.count++
	return t, true, nil
}

// group reads "( … )"; the prefix in force applies inside.
func (p *parser) group(t term) (term, bool, error) {
	open := p.pos
	if p.depth == maxNesting {
		return t, false, badQuery("parentheses nest too deep at position %d (at most %d)", p.at(open), maxNesting)
	}
	p.pos++
	p.depth++
	sub, err := p.sequence(t.field, open)
	p.depth--
	if err != nil {
		return t, false, err
	}
	if len(sub.groups) == 0 && len(sub.excluded) == 0 {
		return t, false, badQuery("the parentheses at position %d hold nothing to search", p.at(open))
	}
	t.sub = &sub
	return t, true, nil
}

// phrase reads a quoted phrase; straight and typographic quotes both close.
func (p *parser) phrase(t term) (term, bool, error) {
	open := p.pos
	_, size := utf8.DecodeRuneInString(p.rest())
	body := p.src[open+size:]
	end := strings.IndexAny(body, "\"”“")
	if end < 0 {
		return t, false, badQuery("the quote at position %d is not closed", p.at(open))
	}
	_, closeSize := utf8.DecodeRuneInString(body[end:])
	p.pos = open + size + end + closeSize
	t.text = strings.TrimSpace(body[:end])
	t.phrase = true
	if t.text == "" {
		return t, false, badQuery("the phrase at position %d is empty", p.at(open))
	}
	p.count++
	return t, true, nil
}

// prefix recognises a known field prefix at the front of s and returns
// its field and its length with the colon.
func prefix(s string) (field string, n int, ok bool) {
	name, _, found := strings.Cut(s, ":")
	if !found || strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' }) {
		return "", 0, false
	}
	field, ok = fieldPrefixes[strings.ToLower(name)]
	return field, len(name) + 1, ok
}

// dateSpan reads a datum: value as the first and last day it covers: a
// year, a month or a day, or a range of them "A..B" whose ends may be
// left open ("2024..", "..2023-06"); an open end is a zero time.
func dateSpan(v string) (from, to time.Time, err error) {
	a, b, isRange := strings.Cut(v, "..")
	if !isRange {
		return daySpan(v)
	}
	if a == "" && b == "" {
		return from, to, badQuery("datum:%s needs a date on at least one side of ..", v)
	}
	if a != "" {
		if from, _, err = daySpan(a); err != nil {
			return from, to, err
		}
	}
	if b != "" {
		if _, to, err = daySpan(b); err != nil {
			return from, to, err
		}
	}
	if !from.IsZero() && !to.IsZero() && from.After(to) {
		return from, to, badQuery("datum:%s ends before it starts", v)
	}
	return from, to, nil
}

// daySpan reads a year, a month or a day.
func daySpan(v string) (from, to time.Time, err error) {
	for _, f := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{"2006", 1, 0, 0}, {"2006-01", 0, 1, 0}, {time.DateOnly, 0, 0, 1}} {
		if from, err := time.Parse(f.layout, v); err == nil {
			return from, from.AddDate(f.years, f.months, f.days-1), nil
		}
	}
	return time.Time{}, time.Time{}, badQuery("datum:%s is not a date (write 2026, 2026-04, 2026-04-09 or a range 2024-01..2024-06)", v)
}
