package server

import (
	"net/url"
	"slices"
	"strconv"

	"motesarkiv/index"
)

// searchView is what the search page shows. Every state (query, dates,
// filters, order, page) lives in the URL: the form sends it, and each
// link below is the URL of a page that differs in one respect.
type searchView struct {
	Query, From, To string
	Hidden          []field // parameters the form carries without a control
	Active          []link  // chosen filters, each linking to the page without it
	Error           string
	Meetings        int // on the bare form: how many meetings can be searched

	Result    *index.Result
	Count     string // "5 träffar"
	Took      string // "0,004 s"
	Hits      []hitView
	Facets    []facetView
	Histogram *histogram
	Sorts     []link

	Page, Pages int
	Prev, Next  string
	Links       searchLinks
}

// searchLinks are the other views of the same search.
type searchLinks struct {
	Mentions, CSV, JSON, Feed, Timeline string
}

type field struct{ Name, Value string }

type link struct {
	Label  string
	URL    string
	Active bool
}

// filterTitles names every filter for the list of chosen ones.
var filterTitles = map[string]string{
	"kind": "Typ", "speaker": "Föredragande", "organ": "Organ", "decision": "Beslut",
	"year": "År", "month": "Månad", "dnr": "Dnr", "from": "Från", "to": "Till",
}

// formHidden are the parameters the form keeps in hidden fields; the
// facets' parameters join them when the page shows no facets (after an
// error), so that sending the form again does not drop a filter.
var formHidden = []string{"month", "dnr", "sort", "size"}

func newSearchView(q url.Values) *searchView {
	v := &searchView{Query: q.Get("q"), From: q.Get("from"), To: q.Get("to")}
	v.Links = newSearchLinks(q)
	for _, name := range append([]string{"from", "to"}, filterNames...) {
		for _, val := range values(q, name) {
			label := filterTitles[name] + ": " + valueLabel(name, val)
			v.Active = append(v.Active, link{Label: label, URL: toggle(q, name, val)})
		}
	}
	v.Hidden = hiddenFields(q, append(formHidden, boxFacetNames()...))
	return v
}

func newSearchLinks(q url.Values) searchLinks {
	state := searchState(q)
	return searchLinks{
		Mentions: urlOf("/forekomster", state),
		CSV:      urlOf("/api/v1/mentions.csv", state),
		JSON:     urlOf("/api/v1/mentions", state),
		Feed:     urlOf("/feed.atom", state),
		Timeline: urlOf("/tidslinje", state),
	}
}

func hiddenFields(q url.Values, names []string) []field {
	var out []field
	for _, name := range names {
		for _, val := range values(q, name) {
			out = append(out, field{name, val})
		}
	}
	return out
}

// setResult fills in the hits, facets, histogram, order links and paging.
func (v *searchView) setResult(q url.Values, req index.Request, res *index.Result) {
	v.Result = res
	v.Count = svCount(res.Total, "träff", "träffar")
	v.Took = svSeconds(res.TookMS)
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, newHitView(h, req.Query))
	}
	v.Facets = facetViews(q, res.Facets)
	v.Hidden = hiddenFields(q, formHidden) // the facets' boxes carry the rest
	v.Histogram = newHistogram(q, req, res.Facets)
	v.Sorts = sortLinks(q, req.Sort)
	v.setPaging(q, req, res.Total)
}

// toggle returns the page's URL with value added to or removed from the
// parameter name, back on the first page.
func toggle(q url.Values, name, value string) string {
	next := without(q, "page")
	if slices.Contains(next[name], value) {
		next[name] = slices.DeleteFunc(next[name], func(s string) bool { return s == value })
	} else {
		next.Add(name, value)
	}
	return urlOf("/", next)
}

func sortLinks(q url.Values, current string) []link {
	orders := []field{
		{index.SortRelevance, "relevans"},
		{index.SortDateDesc, "nyast först"},
		{index.SortDate, "äldst först"},
	}
	out := make([]link, 0, len(orders))
	for _, o := range orders {
		next := without(q, "page")
		next.Set("sort", o.Name)
		out = append(out, link{Label: o.Value, URL: urlOf("/", next), Active: o.Name == current})
	}
	return out
}

func (v *searchView) setPaging(q url.Values, req index.Request, total uint64) {
	size := uint64(max(req.Size, 1))
	v.Page = req.Page
	v.Pages = int(min((total+size-1)/size, maxPage))
	if v.Page > 1 {
		v.Prev = withPage("/", q, v.Page-1)
	}
	if v.Page < v.Pages {
		v.Next = withPage("/", q, v.Page+1)
	}
}

func withPage(path string, q url.Values, page int) string {
	next := cloneValues(q)
	next.Set("page", strconv.Itoa(page))
	if page == 1 {
		next.Del("page")
	}
	return urlOf(path, next)
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
	case "from", "to":
		return svDate(value)
	}
	return value
}
