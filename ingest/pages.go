package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Text from a PDF or a word processor comes in pages, a form feed between
// two pages, and each page carries the document's running header and
// footer: the organ, "Protokoll nr 8", "Sammanträdesdatum: 2024-09-12",
// "Sida 2 av 5". They are found here by repetition, not by their wording:
// a line that stands near the top or the bottom of most pages is page
// furniture, and so is a line that differs from page to page only in a
// number that counts the pages. What the running header says is kept
// aside, because it is often the only place that names the organ and the
// meeting date.

// edgeLines is how far from a page's top or bottom (in non-empty lines) a
// running line may stand. Extraction sometimes puts a body line or two
// between the lines of a header, so it is more than a header's height.
const edgeLines = 6

// document is the text of a file as lines, with what was learnt from its
// pages.
type document struct {
	lines   []string // every page's lines, furniture blanked, "" between pages
	running []string // the distinct running header and footer lines, headers first
	pages   []int    // index in lines of each page's first line
}

// splitPages cuts text at form feeds into pages of trimmed lines.
func splitPages(text string) [][]string {
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
	var pages [][]string
	for _, p := range strings.Split(text, "\f") {
		pages = append(pages, splitLines(p))
	}
	// A form feed at the very end closes the last page; it opens no page.
	if n := len(pages); n > 1 && len(nonEmpty(pages[n-1])) == 0 {
		pages = pages[:n-1]
	}
	return pages
}

// newDocument joins pages into one run of lines without their furniture.
func newDocument(pages [][]string) document {
	f := findFurniture(pages)
	var d document
	for p, lines := range pages {
		if p > 0 {
			d.lines = append(d.lines, "")
		}
		d.pages = append(d.pages, len(d.lines))
		for _, l := range lines {
			if f.has(l) {
				l = ""
			}
			d.lines = append(d.lines, l)
		}
	}
	d.running = f.header
	return d
}

// furniture is what findFurniture found: lines to drop anywhere near a
// page edge (exact), line shapes with a page number (masked), and the
// running lines in reading order (header).
type furniture struct {
	exact  map[string]bool
	masked map[string]bool
	header []string
}

func (f furniture) has(l string) bool {
	return l != "" && (f.exact[l] || f.masked[maskDigits(l)] || pageNumberRe.MatchString(l))
}

// edgeLine is one non-empty line near a page edge.
type edgeLine struct {
	text string
	page int
	top  bool
	rank int // 0 for the first (or last) non-empty line of the page
}

// findFurniture finds the running lines of a document of two or more
// pages. A line counts when it stands at the same place near an edge
// (top or bottom, so many lines from it) on three pages in five. The
// place matters: a heading such as "Protokollsutdrag skickas till" also
// ends many short items near the foot of a page, but never at one place.
func findFurniture(pages [][]string) furniture {
	f := furniture{exact: map[string]bool{}, masked: map[string]bool{}}
	if len(pages) < 2 {
		return f
	}
	need := max(2, (len(pages)*3+4)/5) // three pages in five, rounded up
	byText := map[string][]edgeLine{}
	byMask := map[string][]edgeLine{}
	var order []edgeLine
	for p, lines := range pages {
		for _, e := range edges(p, lines) {
			if isHeadingLine(e.text) {
				continue // an item heading is content, even at the top of every page
			}
			byText[e.text] = append(byText[e.text], e)
			byMask[maskDigits(e.text)] = append(byMask[maskDigits(e.text)], e)
			order = append(order, e)
		}
	}
	top := map[string]bool{}
	for text, es := range byText {
		if place, n := modalPlace(es); n >= need {
			f.exact[text], top[text] = true, place.top
		}
	}
	for mask, es := range byMask {
		if _, n := modalPlace(es); strings.Contains(mask, "#") && n >= need && countsPages(es) {
			f.masked[mask] = true
		}
	}
	f.header = runningHeader(order, top)
	return f
}

// place is where on a page a line stands.
type place struct {
	top  bool
	rank int
}

// modalPlace returns the place around which most of the lines stand and
// on how many pages a line stands there or one line off it (a body line
// that extraction put between two header lines pushes the rest down).
func modalPlace(es []edgeLine) (place, int) {
	var best place
	n := 0
	for _, e := range es {
		c := place{e.top, e.rank}
		pages := map[int]bool{}
		for _, o := range es {
			if o.top == c.top && o.rank >= c.rank-1 && o.rank <= c.rank+1 {
				pages[o.page] = true
			}
		}
		if len(pages) > n {
			best, n = c, len(pages)
		}
	}
	return best, n
}

// edges returns the lines of a page within edgeLines of its top or bottom.
func edges(page int, lines []string) []edgeLine {
	var idx []int
	for i, l := range lines {
		if l != "" {
			idx = append(idx, i)
		}
	}
	var out []edgeLine
	for r, i := range idx {
		fromEnd := len(idx) - 1 - r
		switch {
		case r < edgeLines:
			out = append(out, edgeLine{text: lines[i], page: page, top: true, rank: r})
		case fromEnd < edgeLines:
			out = append(out, edgeLine{text: lines[i], page: page, rank: fromEnd})
		}
	}
	return out
}

var digitsRe = regexp.MustCompile(`\d+`)

// maskDigits replaces each run of digits by "#": "Sida 2 av 5" is
// "Sida # av #". It is digitsRe.ReplaceAllString(s, "#") by hand: it runs
// on every line of a document, and with the regexp BenchmarkParse took a
// third longer. A digit is one byte, never part of another letter's.
func maskDigits(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			b = append(b, s[i])
		} else if i == 0 || !isDigit(s[i-1]) {
			b = append(b, '#')
		}
	}
	return string(b)
}

// countsPages reports whether some number in the lines goes up by one from
// each page to the next one it is on (a page number), for at least four
// in five of the steps. Item numbers at the tops of pages do not: an item
// often takes more than one page.
func countsPages(es []edgeLine) bool {
	if len(es) < 2 {
		return false
	}
	for k := 0; ; k++ {
		steps, good, found := 0, 0, false
		for i := 1; i < len(es); i++ {
			a, aok := nthNumber(es[i-1].text, k)
			b, bok := nthNumber(es[i].text, k)
			if !aok || !bok {
				continue
			}
			found = true
			steps++
			if b-a == es[i].page-es[i-1].page {
				good++
			}
		}
		if !found {
			return false
		}
		if steps > 0 && good*5 >= steps*4 {
			return true
		}
	}
}

func nthNumber(s string, k int) (int, bool) {
	ns := digitsRe.FindAllString(s, k+1)
	if len(ns) <= k {
		return 0, false
	}
	n, err := strconv.Atoi(ns[k])
	return n, err == nil
}

// runningHeader lists the running lines in reading order as a header
// reads: those at the tops of pages first, then those at the bottoms,
// each once.
func runningHeader(order []edgeLine, top map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, atTop := range []bool{true, false} {
		for _, e := range order {
			if isTop, ok := top[e.text]; ok && isTop == atTop && !seen[e.text] {
				seen[e.text] = true
				out = append(out, e.text)
			}
		}
	}
	return out
}

// appendixRe is the first line of a page that begins the attachments a
// protocol carries after its last item (attendance, votes): "Bilaga 1".
var appendixRe = regexp.MustCompile(`^(?i:bilaga)\s+\d{1,2}\s?[A-Z]?$`)

// cutAppendix ends the lines where a page after the first item's page
// begins with "Bilaga N" on a line of its own: what follows is attached to
// the protocol, not part of its last item.
func cutAppendix(lines []string, pages []int) []string {
	seenItem := false
	for p, start := range pages {
		end := len(lines)
		if p+1 < len(pages) {
			end = pages[p+1]
		}
		first := nextNonEmpty(lines[:end], start, end-start)
		if first >= 0 && seenItem && appendixRe.MatchString(lines[first]) {
			return lines[:start]
		}
		seenItem = seenItem || slices.ContainsFunc(lines[start:end], isHeadingLine)
	}
	return lines
}
