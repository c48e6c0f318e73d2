package server

import (
	"html"
	"html/template"
	"net/url"
	"regexp"
	"slices"
	"strings"

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
	// full, with what the index marked in the fragments marked.
	MarkedTitle     template.HTML
	MarkedDecisions []template.HTML
}

func newHitView(h index.Hit, query string) hitView {
	phrases := markedPhrases(h)
	v := hitView{Hit: h, Date: svDate(h.MeetingDate), Link: markedLink(h, query), Fragments: fragments(h),
		MarkedTitle: markPhrases(h.Title, phrases)}
	for _, d := range h.Decisions {
		v.MarkedDecisions = append(v.MarkedDecisions, markPhrases(d, phrases))
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

// markRun is a run of marked words in a fragment with only white space
// between them: one phrase of the query, or one word.
var (
	markRun = regexp.MustCompile(`<mark>[^<]*</mark>(?:\s+<mark>[^<]*</mark>)*`)
	markTag = regexp.MustCompile(`<mark>([^<]*)</mark>`)
)

// markedPhrases are the runs of words, in lower case, that the index
// marked in a hit's fragments: the query's words and phrases in the forms
// the text has them. Runs, not single words, so that a phrase's stop word
// ("och" in "God och Nära vård") is marked where the phrase is and not
// wherever it stands alone.
func markedPhrases(h index.Hit) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, frags := range h.Highlights {
		for _, f := range frags {
			for _, run := range markRun.FindAllString(f, -1) {
				var words []string
				for _, m := range markTag.FindAllStringSubmatch(run, -1) {
					words = append(words, strings.Fields(strings.ToLower(html.UnescapeString(m[1])))...)
				}
				if key := strings.Join(words, " "); key != "" && !seen[key] {
					seen[key] = true
					out = append(out, words)
				}
			}
		}
	}
	// Longest first, so that a phrase wins over a word inside it.
	slices.SortFunc(out, func(a, b []string) int { return len(b) - len(a) })
	return out
}

// markPhrases returns text as HTML with every occurrence of the phrases,
// as whole words, in <mark>. Like marked, it escapes all of the text.
func markPhrases(text string, phrases [][]string) template.HTML {
	words := wordSpans(text)
	var spans []index.Span
	for i := 0; i < len(words); {
		n := phraseAt(text, words[i:], phrases)
		if n == 0 {
			i++
			continue
		}
		spans = append(spans, index.Span{Start: words[i].Start, End: words[i+n-1].End})
		i += n
	}
	return marked(text, spans)
}

// phraseAt is the length in words of the first phrase that the words
// begin with, or 0.
func phraseAt(text string, words []index.Span, phrases [][]string) int {
	for _, p := range phrases {
		if len(p) > len(words) {
			continue
		}
		match := true
		for j, w := range p {
			if strings.ToLower(text[words[j].Start:words[j].End]) != w {
				match = false
				break
			}
		}
		if match {
			return len(p)
		}
	}
	return 0
}

// wordSpans are the words of text: runs of letters and digits.
func wordSpans(text string) []index.Span {
	var out []index.Span
	start := -1
	for i, r := range text + " " {
		switch word := isWordRune(r); {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, index.Span{Start: start, End: i})
			start = -1
		}
	}
	return out
}
