package server

import (
	"net/url"
	"slices"
	"strconv"

	"motesarkiv/index"
)

// boxFacets are the facets the search page shows as checkboxes, in order,
// with their Swedish titles; their names are the filter parameters. The
// month facet is shown as the histogram instead.
var boxFacets = []struct{ name, title string }{
	{"kind", "Typ"},
	{"speaker", "Föredragande"},
	{"organ", "Organ"},
	{"decision", "Beslut"},
	{"year", "År"},
}

func boxFacetNames() []string {
	names := make([]string, len(boxFacets))
	for i, f := range boxFacets {
		names[i] = f.name
	}
	return names
}

// shownValues is how many values of a facet show before "Visa fler": a
// long list of speakers would push the other facets off the screen.
const shownValues = 8

// facetView is one facet as a group of checkboxes. Shown are visible at
// once, More behind a disclosure.
type facetView struct {
	Name, Title string
	Shown, More []facetBox
}

// facetBox is one value with its count; ID is unique on the page, for the
// label and for tests.
type facetBox struct {
	ID, Name, Value, Label string
	Count                  int
	Checked                bool
}

func facetViews(q url.Values, counts map[string][]index.FacetValue) []facetView {
	var out []facetView
	for _, f := range boxFacets {
		boxes := facetBoxes(f.name, values(q, f.name), counts[f.name])
		if len(boxes) == 0 {
			continue
		}
		fv := facetView{Name: f.name, Title: f.title}
		for _, b := range boxes {
			if b.Checked || len(fv.Shown) < shownValues {
				fv.Shown = append(fv.Shown, b)
			} else {
				fv.More = append(fv.More, b)
			}
		}
		out = append(out, fv)
	}
	return out
}

// facetBoxes are the boxes of one facet: every value counted, and every
// chosen value even when no hit has it now, since a box that is not on
// the page would drop its filter when the form is sent.
func facetBoxes(name string, chosen []string, counts []index.FacetValue) []facetBox {
	var out []facetBox
	seen := map[string]bool{}
	add := func(value string, count int) {
		if value == "" || seen[value] {
			return // nothing to filter on: procedural items have no kind
		}
		seen[value] = true
		out = append(out, facetBox{
			ID:   "f-" + name + "-" + strconv.Itoa(len(out)),
			Name: name, Value: value, Label: valueLabel(name, value),
			Count: count, Checked: slices.Contains(chosen, value),
		})
	}
	for _, c := range counts {
		add(c.Value, c.Count)
	}
	for _, v := range chosen {
		add(v, 0)
	}
	return out
}
