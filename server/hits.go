package server

import (
	"html"
	"html/template"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"motesarkiv/index"
)

// hitView is a hit as a page shows it.
type hitView struct {
	index.Hit
	Date string // "9 april 2026"
	// Link opens the meeting at the item with the search's words marked;
	// Hit.URL, the permalink, opens it without, for citing.
	Link      string
	Fragments []template.HTML
	// MarkedTitle and MarkedDecisions are the title and the decisions in
	// full, with the words the index marked in the fragments marked.
	MarkedTitle     template.HTML
	MarkedDecisions []template.HTML
}

func newHitView(h index.Hit, query string) hitView {
	words := markedWords(h)
	v := hitView{Hit: h, Date: svDate(h.MeetingDate), Link: markedLink(h, query), Fragments: fragments(h),
		MarkedTitle: markWords(h.Title, words)}
	for _, d := range h.Decisions {
		v.MarkedDecisions = append(v.MarkedDecisions, markWords(d, words))
	}
	return v
}

// markedLink is the meeting page at the hit's item, with the query for
// the page to mark; the anchor stays last, as a fragment must.
func markedLink(h index.Hit, query string) string {
	if query == "" {
		return h.URL
	}
	return "/m/" + url.PathEscape(h.MeetingID) + "?" + url.Values{"q": {query}}.Encode() + "#punkt-" + h.Item
}

// fragmentOrder puts the fields a reader scans first at the top; fields
// not named here follow in name order. The title and the decisions are
// left out: a hit shows them in full, marked by markWords.
var fragmentOrder = []string{"speakers", "body"}

// fragments returns a hit's highlighted fragments as HTML. Converting them
// to template.HTML is safe only because the index HTML-escapes the source
// text and adds nothing but <mark> and </mark>; a test holds it to that.
func fragments(h index.Hit) []template.HTML {
	fields := make([]string, 0, len(h.Highlights))
	for f := range h.Highlights {
		if f != "decisions" && f != "title" {
			fields = append(fields, f)
		}
	}
	slices.SortFunc(fields, func(a, b string) int {
		if ia, ib := rank(a), rank(b); ia != ib {
			return ia - ib
		}
		return strings.Compare(a, b)
	})
	var out []template.HTML
	for _, f := range fields {
		for _, frag := range h.Highlights[f] {
			out = append(out, template.HTML(frag)) // escaped by the index, see above
		}
	}
	return out
}

func rank(field string) int {
	if i := slices.Index(fragmentOrder, field); i >= 0 {
		return i
	}
	return len(fragmentOrder)
}

var markTag = regexp.MustCompile(`<mark>(.*?)</mark>`)

// markedWords are the words, in lower case, that the index marked in a
// hit's fragments: the query's words in the forms the text has them.
func markedWords(h index.Hit) map[string]bool {
	words := map[string]bool{}
	for _, frags := range h.Highlights {
		for _, f := range frags {
			for _, m := range markTag.FindAllStringSubmatch(f, -1) {
				words[strings.ToLower(html.UnescapeString(m[1]))] = true
			}
		}
	}
	return words
}

// markWords returns text as HTML with the whole words that are in words
// (lower case) in <mark>. Like marked, it escapes all of the text itself.
func markWords(text string, words map[string]bool) template.HTML {
	var spans []index.Span
	start := -1
	for i, r := range text + " " {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			if words[strings.ToLower(text[start:i])] {
				spans = append(spans, index.Span{Start: start, End: i})
			}
			start = -1
		}
	}
	return marked(text, spans)
}
