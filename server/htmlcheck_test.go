package server

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// checkHTML holds a page to what the issue asks of every page: it parses
// cleanly (every element that needs an end tag has one, in order), its
// ids are unique and every reference to an id finds one, every control
// has a label, and there is no inline script, style or event handler for
// a Content-Security-Policy to forbid. It returns every problem found.
func checkHTML(page string) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if _, err := html.Parse(strings.NewReader(page)); err != nil {
		fail("does not parse: %v", err)
	}
	doc := scanTags(page, fail)
	checkIDs(doc, fail)
	checkLabels(doc, fail)
	return problems
}

// element is a start tag as the tokenizer saw it, with its ancestors.
type element struct {
	tag     string
	attrs   map[string]string
	parents []string
}

// voidElements have no end tag.
var voidElements = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

// scanTags tokenizes the page, checking that end tags match their start
// tags, and returns the elements in order.
func scanTags(page string, fail func(string, ...any)) []element {
	z := html.NewTokenizer(strings.NewReader(page))
	var open []string
	var out []element
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				fail("tokenizer: %v", z.Err())
			}
			if len(open) > 0 {
				fail("elements never closed: %v", open)
			}
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			el := element{tag: tok.Data, attrs: map[string]string{}, parents: slices.Clone(open)}
			for _, a := range tok.Attr {
				if _, dup := el.attrs[a.Key]; dup {
					fail("<%s> has %s twice", tok.Data, a.Key)
				}
				el.attrs[a.Key] = a.Val
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					fail("<%s> has an inline %s attribute", tok.Data, a.Key)
				}
			}
			out = append(out, el)
			if !slices.Contains(voidElements, tok.Data) {
				open = append(open, tok.Data)
			}
			if tok.Data == "script" {
				if _, ok := el.attrs["src"]; !ok {
					fail("inline <script>")
				}
			}
			if tok.Data == "style" {
				fail("inline <style>")
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				fail("</%s> does not close the open element (open: %v)", tok.Data, open)
				continue
			}
			open = open[:len(open)-1]
		}
	}
}

// checkIDs: ids are unique, and for, aria-labelledby, aria-describedby,
// aria-controls, form and href="#…" point at one.
func checkIDs(doc []element, fail func(string, ...any)) {
	ids := map[string]bool{}
	for _, el := range doc {
		if id, ok := el.attrs["id"]; ok {
			if id == "" || ids[id] {
				fail("id %q is empty or not unique", id)
			}
			ids[id] = true
		}
	}
	for _, el := range doc {
		for _, attr := range []string{"for", "aria-labelledby", "aria-describedby", "aria-controls", "form"} {
			for _, ref := range strings.Fields(el.attrs[attr]) {
				if !ids[ref] {
					fail("<%s %s=%q> points at no element", el.tag, attr, ref)
				}
			}
		}
		if href := el.attrs["href"]; el.tag == "a" && strings.HasPrefix(href, "#") && !ids[href[1:]] {
			fail("<a href=%q> points at no element", href)
		}
	}
}

// checkLabels: every control a person fills in or ticks has a name a
// screen reader can say: a <label for>, a <label> around it, or an
// aria-label or aria-labelledby.
func checkLabels(doc []element, fail func(string, ...any)) {
	labelled := map[string]bool{}
	for _, el := range doc {
		if el.tag == "label" && el.attrs["for"] != "" {
			labelled[el.attrs["for"]] = true
		}
	}
	for _, el := range doc {
		if !isControl(el) {
			continue
		}
		_, aria := el.attrs["aria-label"]
		_, ariaBy := el.attrs["aria-labelledby"]
		if !labelled[el.attrs["id"]] && !aria && !ariaBy && !slices.Contains(el.parents, "label") {
			fail("<%s name=%q> has no label", el.tag, el.attrs["name"])
		}
	}
}

func isControl(el element) bool {
	switch el.tag {
	case "select", "textarea":
		return true
	case "input":
		switch el.attrs["type"] {
		case "hidden", "submit", "button", "reset", "image":
			return false
		}
		return true
	}
	return false
}

// textOf is the text of a page as a browser shows it (entities decoded,
// tags gone), for checking that source text arrives as text.
func textOf(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// TestCheckHTML: the checker finds what it is meant to find.
func TestCheckHTML(t *testing.T) {
	tests := []struct {
		page string
		bad  bool
	}{
		{`<!doctype html><html lang="sv"><body><label for="a">A</label><input id="a"></body></html>`, false},
		{`<label>B <input name="b"></label>`, false},
		{`<input name="c" aria-label="C"><input type="hidden" name="d">`, false},
		{`<input name="e">`, true},
		{`<p id="x"></p><p id="x"></p>`, true},
		{`<div><p></div>`, true},
		{`<p>open`, true},
		{`<label for="nowhere">F</label>`, true},
		{`<a href="#nowhere">G</a>`, true},
		{`<p style="color:red">H</p>`, true},
		{`<button onclick="x()">I</button>`, true},
		{`<script>alert(1)</script>`, true},
		{`<script src="/static/sok.js"></script>`, false},
	}
	for _, tt := range tests {
		if got := checkHTML(tt.page); (len(got) > 0) != tt.bad {
			t.Errorf("checkHTML(%s) = %q, want bad=%v", tt.page, got, tt.bad)
		}
	}
}
