package index

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// The query language a person types in the search box:
//
//	god vård              every word must match (in any text field)
//	"god och nära vård"   a phrase: the words in this order
//	-minimaria            no item with this word
//	lpo OR rss            either (binds two neighbouring terms)
//	talare:schmitt        a field: talare/speaker, typ/kind, beslut/decision,
//	                      organ, titel/title, datum/date (2026, 2026-04, 2026-04-09)
//
// Words and phrases after a field prefix search that field only; a prefix
// the language does not know is read as part of a word, since minutes
// contain colons ("kl:", "Bilaga:").

// term is one word or phrase of a query.
type term struct {
	field  string // "" for the text fields; else a key of fieldPrefixes
	text   string
	phrase bool
	negate bool

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

// maxTerms bounds the work one query may ask for.
const maxTerms = 64

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
	terms, ors, err := lex(q)
	if err != nil {
		return parsedQuery{}, err
	}
	if len(terms) > maxTerms {
		return parsedQuery{}, badQuery("too many terms (%d, at most %d)", len(terms), maxTerms)
	}
	var pq parsedQuery
	for i, t := range terms {
		switch {
		case t.negate && (ors[i] || (i > 0 && ors[i-1])):
			return parsedQuery{}, badQuery("OR cannot join an excluded term (-%s)", t.text)
		case t.negate:
			pq.excluded = append(pq.excluded, t)
		case i > 0 && ors[i-1]:
			last := len(pq.groups) - 1
			pq.groups[last] = append(pq.groups[last], t)
		default:
			pq.groups = append(pq.groups, []term{t})
		}
	}
	return pq, nil
}

// lex splits a query into terms; ors[i] says an OR stands between term i
// and term i+1.
func lex(q string) ([]term, []bool, error) {
	var terms []term
	var ors []bool
	pendingOr := false
	rest := strings.TrimSpace(q)
	for rest != "" {
		var tok string
		var isOr bool
		var t term
		var err error
		t, isOr, tok, rest, err = next(rest)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case isOr && (len(terms) == 0 || pendingOr):
			return nil, nil, badQuery("OR needs a term on each side")
		case isOr:
			pendingOr = true
		case tok == "":
			// a lone "-" or an empty prefix value: nothing to search
		default:
			if pendingOr {
				ors[len(ors)-1] = true
			}
			terms = append(terms, t)
			ors = append(ors, false)
			pendingOr = false
		}
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	}
	if pendingOr {
		return nil, nil, badQuery("OR needs a term on each side")
	}
	return terms, ors, nil
}

// next reads one token from the front of s.
func next(s string) (t term, isOr bool, tok, rest string, err error) {
	if strings.HasPrefix(s, "-") {
		t.negate = true
		s = s[1:]
	}
	if name, after, ok := prefix(s); ok {
		t.field = name
		s = after
	}
	if strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "”") || strings.HasPrefix(s, "“") {
		return phrase(t, s)
	}
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		end = len(s)
	}
	tok, rest = s[:end], s[end:]
	if tok == "OR" && !t.negate && t.field == "" {
		return t, true, tok, rest, nil
	}
	if t.field != "" && tok == "" {
		return t, false, "", rest, badQuery("%s: needs a value after the colon", t.field)
	}
	t.text = tok
	return t, false, tok, rest, nil
}

// prefix recognises a known field prefix at the front of s.
func prefix(s string) (field, rest string, ok bool) {
	name, rest, found := strings.Cut(s, ":")
	if !found || strings.ContainsFunc(name, unicode.IsSpace) {
		return "", s, false
	}
	field, ok = fieldPrefixes[strings.ToLower(name)]
	if !ok {
		return "", s, false
	}
	return field, rest, true
}

// phrase reads a quoted phrase; straight and typographic quotes both close.
func phrase(t term, s string) (term, bool, string, string, error) {
	_, size := firstRune(s)
	body := s[size:]
	end := strings.IndexAny(body, "\"”“")
	if end < 0 {
		return t, false, "", "", badQuery("a quote is not closed: %s", s)
	}
	t.text = strings.TrimSpace(body[:end])
	t.phrase = true
	_, closeSize := firstRune(body[end:])
	rest := body[end+closeSize:]
	if t.text == "" {
		return t, false, "", rest, badQuery(`empty phrase ""`)
	}
	return t, false, t.text, rest, nil
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// dateSpan reads a datum: value, a year, a month or a day, as the first
// and last day it covers.
func dateSpan(v string) (from, to time.Time, err error) {
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
	return time.Time{}, time.Time{}, badQuery("datum:%s is not a date (write 2026, 2026-04 or 2026-04-09)", v)
}
