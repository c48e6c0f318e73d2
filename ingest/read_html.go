package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Minutes published on an intranet are HTML. The Go team's parser
// (golang.org/x/net/html) builds the tree as a browser would, from any
// markup, and its charset package decodes by the BOM or the page's own
// <meta charset>. The text comes out as a text export would have it: an
// empty line between blocks (paragraphs, headings, list items), a line
// per <br>, a table row on one line with a tab between its cells; scripts,
// styles and the head are not text.

type htmlReader struct{}

func (htmlReader) Read(_ string, data []byte) ([]string, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	var w htmlWriter
	w.walk(doc)
	w.flush()
	text := w.out.String()
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	return []string{text}, nil
}

// htmlWriter collects the text of a tree.
type htmlWriter struct {
	out  strings.Builder
	line strings.Builder // the inline text of the block being read
	pre  int
}

var (
	skipped = map[string]bool{"head": true, "script": true, "style": true, "noscript": true, "template": true, "svg": true}
	blocks  = map[string]bool{"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
		"h6": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "table": true,
		"section": true, "article": true, "header": true, "footer": true, "main": true, "blockquote": true,
		"pre": true, "address": true, "figure": true, "figcaption": true, "hr": true, "nav": true, "aside": true}
)

func (w *htmlWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		// The parser passes bytes that are not UTF-8 through as they are.
		w.text(strings.ToValidUTF8(n.Data, "\ufffd"))
		return
	case html.ElementNode:
		switch tag := n.Data; {
		case skipped[tag]:
			return
		case tag == "br":
			w.line.WriteString("\n")
			return
		case tag == "tr":
			w.flush()
			w.row(n)
			return
		case blocks[tag]:
			w.flush()
			if tag == "pre" {
				w.pre++
				defer func() { w.pre-- }()
			}
			defer w.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// text adds a text node, its white space collapsed outside <pre>.
func (w *htmlWriter) text(s string) {
	if w.pre > 0 {
		w.line.WriteString(s)
		return
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		if s != "" && !strings.HasSuffix(w.line.String(), " ") && w.line.Len() > 0 {
			w.line.WriteString(" ")
		}
		return
	}
	if startsSpace(s) && w.line.Len() > 0 && !strings.HasSuffix(w.line.String(), " ") {
		w.line.WriteString(" ")
	}
	w.line.WriteString(strings.Join(f, " "))
	if endsSpace(s) {
		w.line.WriteString(" ")
	}
}

// row writes a table row as one line of tab-separated cells.
func (w *htmlWriter) row(tr *html.Node) {
	var cells []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
			continue
		}
		var cw htmlWriter
		cw.walk(c)
		cw.flush()
		cells = append(cells, collapseSpace(cw.out.String()))
	}
	if line := strings.TrimRight(strings.Join(cells, "\t"), "\t"); line != "" {
		w.out.WriteString(line + "\n")
	}
}

// flush ends the block being read: its lines, then an empty line.
func (w *htmlWriter) flush() {
	text := w.line.String()
	w.line.Reset()
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" || w.pre > 0 {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	w.out.WriteString(strings.Join(lines, "\n") + "\n\n")
}

func startsSpace(s string) bool { return s != "" && strings.ContainsRune(" \t\r\n\f", rune(s[0])) }
func endsSpace(s string) bool   { return s != "" && strings.ContainsRune(" \t\r\n\f", rune(s[len(s)-1])) }
