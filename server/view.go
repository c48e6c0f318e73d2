package server

import (
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// searchView is what the search page shows. Every state (query, dates,
// filters, order, page) lives in the URL, so each link below is a URL that
// differs from the current one in one respect.
type searchView struct {
	Query, From, To string
	Hidden          []field // filters and order, kept when the form is sent
	Active          []link  // chosen filters, each linking to the page without it
	Error           string
	Meetings        int // on the bare form: how many meetings can be searched

	Result *index.Result
	Count  string
	Hits   []hitView
	Facets []facetView
	Sorts  []link

	Page, Pages int
	Prev, Next  string
}

type field struct{ Name, Value string }

type link struct {
	Label  string
	URL    string
	Active bool
}

type hitView struct {
	index.Hit
	Fragments []template.HTML
}

type facetView struct {
	Title  string
	Values []facetLink
}

type facetLink struct {
	link
	Count int
}

// facets are the facets the page shows, in order, with their Swedish
// titles. Their names are also the filter parameters.
var facets = []struct{ name, title string }{
	{"kind", "Typ"},
	{"speaker", "Föredragande"},
	{"organ", "Organ"},
	{"decision", "Beslut"},
	{"year", "År"},
	{"month", "Månad"},
}

// filterTitles names every filter for the list of chosen ones; dnr has no
// facet but can be set in the URL.
var filterTitles = map[string]string{
	"kind": "Typ", "speaker": "Föredragande", "organ": "Organ",
	"decision": "Beslut", "year": "År", "month": "Månad", "dnr": "Dnr",
}

func newSearchView(q url.Values) *searchView {
	v := &searchView{
		Query: q.Get("q"),
		From:  q.Get("from"),
		To:    q.Get("to"),
	}
	for _, name := range append(slices.Clone(filterNames), "sort", "size") {
		for _, val := range values(q, name) {
			v.Hidden = append(v.Hidden, field{name, val})
		}
	}
	for _, name := range filterNames {
		for _, val := range values(q, name) {
			label := filterTitles[name] + ": " + valueLabel(name, val)
			v.Active = append(v.Active, link{Label: label, URL: toggle(q, name, val)})
		}
	}
	return v
}

// setResult fills in the hits, facets, order links and paging of res.
func (v *searchView) setResult(req index.Request, res *index.Result) {
	q := v.query()
	v.Result = res
	v.Count = countText(res.Total)
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, hitView{Hit: h, Fragments: fragments(h)})
	}
	for _, f := range facets {
		if fv := facetLinks(q, f.name, res.Facets[f.name]); len(fv) > 0 {
			v.Facets = append(v.Facets, facetView{Title: f.title, Values: fv})
		}
	}
	v.Sorts = sortLinks(q, req.Sort)
	v.setPaging(q, req, res.Total)
}

// query rebuilds the URL's parameters from the view, which holds them all.
func (v *searchView) query() url.Values {
	q := url.Values{}
	for name, val := range map[string]string{"q": v.Query, "from": v.From, "to": v.To} {
		if val != "" {
			q.Set(name, val)
		}
	}
	for _, f := range v.Hidden {
		q.Add(f.Name, f.Value)
	}
	return q
}

func countText(n uint64) string {
	switch n {
	case 0:
		return "Inga träffar"
	case 1:
		return "1 träff"
	default:
		return strconv.FormatUint(n, 10) + " träffar"
	}
}

// fragmentOrder puts the fields a reader scans first at the top; fields
// not named here follow in name order.
var fragmentOrder = []string{"title", "speakers", "body", "decisions"}

// fragments returns a hit's highlighted fragments as HTML. Converting them
// to template.HTML is safe only because the index HTML-escapes the source
// text and adds nothing but <mark> and </mark>; a test holds it to that.
func fragments(h index.Hit) []template.HTML {
	fields := make([]string, 0, len(h.Highlights))
	for f := range h.Highlights {
		fields = append(fields, f)
	}
	slices.SortFunc(fields, func(a, b string) int {
		ia, ib := rank(a), rank(b)
		if ia != ib {
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

// facetLinks turns a facet's counts into links that add the value to the
// filters, or remove it when it is already chosen.
func facetLinks(q url.Values, name string, counts []index.FacetValue) []facetLink {
	var out []facetLink
	for _, c := range counts {
		if c.Value == "" {
			continue // nothing to filter on: procedural items have no kind
		}
		active := slices.Contains(q[name], c.Value)
		out = append(out, facetLink{
			link:  link{Label: valueLabel(name, c.Value), URL: toggle(q, name, c.Value), Active: active},
			Count: c.Count,
		})
	}
	return out
}

// toggle returns the page's URL with value added to or removed from the
// parameter name, back on the first page.
func toggle(q url.Values, name, value string) string {
	next := cloneValues(q)
	next.Del("page")
	if slices.Contains(q[name], value) {
		next[name] = slices.DeleteFunc(next[name], func(s string) bool { return s == value })
	} else {
		next.Add(name, value)
	}
	return pageURL(next)
}

func sortLinks(q url.Values, current string) []link {
	orders := []field{
		{index.SortRelevance, "relevans"},
		{index.SortDateDesc, "nyast först"},
		{index.SortDate, "äldst först"},
	}
	out := make([]link, 0, len(orders))
	for _, o := range orders {
		next := cloneValues(q)
		next.Del("page")
		next.Set("sort", o.Name)
		out = append(out, link{Label: o.Value, URL: pageURL(next), Active: o.Name == current})
	}
	return out
}

func (v *searchView) setPaging(q url.Values, req index.Request, total uint64) {
	size := uint64(max(req.Size, 1))
	v.Page = req.Page
	v.Pages = int(min((total+size-1)/size, maxPage))
	if v.Page > 1 {
		v.Prev = withPage(q, v.Page-1)
	}
	if v.Page < v.Pages {
		v.Next = withPage(q, v.Page+1)
	}
}

func withPage(q url.Values, page int) string {
	next := cloneValues(q)
	next.Set("page", strconv.Itoa(page))
	return pageURL(next)
}

func pageURL(q url.Values) string {
	if len(q) == 0 {
		return "/"
	}
	return "/?" + q.Encode()
}

func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	return out
}

// valueLabel is how a filter value reads on the page.
func valueLabel(name, value string) string {
	switch name {
	case "decision":
		if value == "true" {
			return "Med beslut"
		}
		return "Utan beslut"
	case "month":
		return monthLabel(value)
	}
	return value
}

var monthNames = [...]string{"januari", "februari", "mars", "april", "maj", "juni",
	"juli", "augusti", "september", "oktober", "november", "december"}

func monthLabel(value string) string {
	t, err := time.Parse(monthLayout, value)
	if err != nil {
		return value
	}
	return fmt.Sprintf("%s %d", monthNames[t.Month()-1], t.Year())
}

// templateFuncs are the helpers the templates call.
var templateFuncs = template.FuncMap{
	"join":       strings.Join,
	"anchor":     anchor,
	"person":     person,
	"paragraphs": paragraphs,
}

// anchor is an item's id on the meeting page, the fragment of a hit's URL.
func anchor(it ingest.Item) string { return "punkt-" + it.Label() }

// person reads "Name, role, organisation", leaving out what is unknown.
func person(p ingest.Person) string {
	parts := make([]string, 0, 3)
	for _, s := range []string{p.Name, p.Role, p.Organisation} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// paragraphs splits a body at blank lines.
func paragraphs(body string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
