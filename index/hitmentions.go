package index

import (
	"cmp"
	"slices"
	"time"
	"unsafe"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search"
)

// A hit's mentions from its stored document. Made by way of an
// Occurrence, the hit's stored fields became bleve's hit first (a map
// of values, every text copied to a string, the body too) and its term
// locations a map of maps. Here the mentions are made in the visit of
// the stored document, from its bytes: only the few fields a mention
// shows are read, and no text is copied but the context a mention shows. They are the
// mentions made by way of the Occurrence (TestHitMentionsAsBefore,
// TestWalkAgreesWithBleve).

// mentionOrder are the fields a mention is counted in, in the order
// Occurrence lists them.
var mentionOrder = slices.DeleteFunc(slices.Clone(occurrenceFields), func(f string) bool { return !mentionFields[f] })

// mentionLoc is where a query's term matched in a mention field: the
// field (in mentionOrder), which of its values and where in it.
type mentionLoc struct {
	field, index int
	span         Span
}

// keepMentionLocs keeps a hit's term locations in the mention fields,
// as walkHits finds it (the searcher reuses its own for the hits that
// follow).
func keepMentionLocs(h *walkHit, ftls []search.FieldTermLocation) {
	for _, l := range ftls {
		k := slices.Index(mentionOrder, l.Field)
		if k < 0 || l.Location.Start >= l.Location.End { // fieldMatches drops the empty
			continue
		}
		i := 0
		if len(l.Location.ArrayPositions) > 0 {
			i = int(l.Location.ArrayPositions[0])
		}
		if h.locs == nil {
			h.locs = make([]mentionLoc, 0, len(ftls))
		}
		h.locs = append(h.locs, mentionLoc{k, i, Span{int(l.Location.Start), int(l.Location.End)}})
	}
}

// mentionMaker makes hits' mentions, one at a time (a loader has one),
// keeping what it can between them: its scratch, and the organs' names
// (a few, for all the items).
type mentionMaker struct {
	r      *storedReader
	visit  func(name string, typ byte, val []byte, _ []uint64) bool
	organs map[string]string // interned
	// The hit being made.
	vs       []valueSpans
	item     Mention // the item's own fields: the first value of each
	got      [5]bool
	seen     []int // values of each mention field so far
	asBefore bool
}

// valueSpans are the spans matched in one value of a mention field and
// the mentions made of them.
type valueSpans struct {
	field, index int
	spans        []Span
	mentions     []Mention
}

func newMentionMaker(r *storedReader) *mentionMaker {
	mk := &mentionMaker{r: r, organs: map[string]string{}, seen: make([]int, len(mentionOrder))}
	mk.visit = mk.field
	return mk
}

// mentions are h's mentions. A hit whose document holds what this index
// does not write (a text field that is not text, a value bleve cannot
// read) has them made by way of its Occurrence.
func (mk *mentionMaker) mentions(h *walkHit) ([]Mention, error) {
	mk.matchedValues(h.locs)
	if len(mk.vs) == 0 {
		return nil, nil
	}
	mk.item, mk.got, mk.asBefore = Mention{}, [5]bool{}, false
	clear(mk.seen)
	seg, local := mk.r.locate(h.doc)
	if err := seg.VisitDocument(local, mk.visit); err != nil {
		return nil, err
	}
	if mk.asBefore {
		return mk.r.mentionsAsBefore(h)
	}
	return mk.itemMentions(), nil
}

// field takes one stored value of the hit's document.
func (mk *mentionMaker) field(name string, typ byte, val []byte, _ []uint64) bool {
	if k := slices.Index(mentionOrder, name); k >= 0 {
		if typ != 't' {
			mk.asBefore = true
			return false
		}
		i := mk.seen[k]
		mk.seen[k]++
		for j := range mk.vs {
			if v := &mk.vs[j]; v.field == k && v.index == i {
				v.mentions = valueMentions(name, borrowed(val), v.spans)
			}
		}
	}
	ok := true
	switch name {
	case fieldMeetingID:
		ok = firstString(&mk.item.MeetingID, &mk.got[0], name, typ, val, nil)
	case fieldMeetingDate:
		if !mk.got[1] {
			ok = mk.date(name, typ, val)
		}
	case fieldOrgan:
		ok = firstString(&mk.item.Organ, &mk.got[2], name, typ, val, mk.organs)
	case fieldItem:
		ok = firstString(&mk.item.Item, &mk.got[3], name, typ, val, nil)
	case fieldTitle:
		ok = firstString(&mk.item.Title, &mk.got[4], name, typ, val, nil)
	}
	mk.asBefore = !ok
	return ok
}

// date sets the item's meeting date as newHit makes it: dateOnly of the
// stored value as bleve gives it, which for a date stored as RFC 3339
// (every meeting's) is an RFC 3339 time. Such a date of the years 1 to
// 9999 is formatted once, not formatted, parsed and formatted again
// (TestMeetingDate).
func (mk *mentionMaker) date(name string, typ byte, val []byte) bool {
	if typ == 'd' {
		t, layout, err := document.NewDateTimeFieldFromBytes(name, nil, val).DateTime()
		if y := t.Year(); err == nil && (layout == "" || layout == time.RFC3339) && y >= 1 && y <= 9999 {
			mk.item.MeetingDate, mk.got[1] = t.Format(time.DateOnly), true
			return true
		}
	}
	var d string
	if !firstString(&d, &mk.got[1], name, typ, val, nil) {
		return false
	}
	if mk.got[1] {
		mk.item.MeetingDate = dateOnly(d)
	}
	return true
}

// matchedValues groups the locations by the value they are in, as
// fieldMatches does, in mk.vs.
func (mk *mentionMaker) matchedValues(locs []mentionLoc) {
	mk.vs = mk.vs[:0]
	for _, l := range locs {
		j := slices.IndexFunc(mk.vs, func(v valueSpans) bool { return v.field == l.field && v.index == l.index })
		if j < 0 {
			j = len(mk.vs)
			if j < cap(mk.vs) { // its spans' array too
				mk.vs = mk.vs[:j+1]
				mk.vs[j] = valueSpans{field: l.field, index: l.index, spans: mk.vs[j].spans[:0]}
			} else {
				mk.vs = append(mk.vs, valueSpans{field: l.field, index: l.index})
			}
		}
		mk.vs[j].spans = append(mk.vs[j].spans, l.span)
	}
}

// borrowed is a stored text as a string without a copy. It is zap's
// buffer, which zap reuses once the visit is over, so nothing made of it
// may keep it: valueMentions keeps nothing (textMention cuts its parts
// from a string of its own; TestValueMentionsKeepNoText). Copying the
// texts was a quarter of the bytes an export allocated, and without it
// an export takes about a tenth less CPU.
func borrowed(val []byte) string { return unsafe.String(unsafe.SliceData(val), len(val)) }

// valueMentions are the mentions of the spans in one value of a field,
// without their item. Spans beyond the text are dropped, as fieldMatches
// drops them.
func valueMentions(field, text string, spans []Span) []Mention {
	spans = slices.DeleteFunc(spans, func(sp Span) bool { return sp.End > len(text) })
	joined := joinAdjacent(text, mergeSpans(spans))
	ms := make([]Mention, len(joined))
	for i, sp := range joined {
		ms[i] = textMention(field, text, sp)
	}
	return ms
}

// itemMentions are the mentions of mk.vs in the Occurrence's order,
// each with the item's fields.
func (mk *mentionMaker) itemMentions() []Mention {
	slices.SortFunc(mk.vs, func(a, b valueSpans) int { return cmp.Or(a.field-b.field, a.index-b.index) })
	n := 0
	for _, v := range mk.vs {
		n += len(v.mentions)
	}
	out := make([]Mention, 0, n)
	it := &mk.item
	for j := range mk.vs {
		for _, m := range mk.vs[j].mentions {
			m.MeetingID, m.MeetingDate, m.Organ, m.Item, m.Title = it.MeetingID, it.MeetingDate, it.Organ, it.Item, it.Title
			out = append(out, m)
		}
		mk.vs[j].mentions = nil
	}
	return out
}

// firstString sets *dst to the field's value if it is the first that
// bleve gives as a string, as str reads a hit's field, taking it from
// same when it is there; ok is false for a value bleve does not read.
func firstString(dst *string, got *bool, name string, typ byte, val []byte, same map[string]string) (ok bool) {
	if *got {
		return true
	}
	if typ == 't' { // as storedValue, without making it an any
		*dst, *got = sameString(same, val), true
		return true
	}
	v, err := storedValue(name, typ, val)
	if err != nil {
		return false
	}
	if s, isString := v.(string); isString {
		*dst, *got = s, true
	}
	return true
}

// sameString is val as a string, the one in same if same has it (nil: none).
func sameString(same map[string]string, val []byte) string {
	if same == nil {
		return string(val)
	}
	if s, ok := same[string(val)]; ok {
		return s
	}
	s := string(val)
	same[s] = s
	return s
}

// mentionsAsBefore are h's mentions made by way of its Occurrence, from
// the locations kept.
func (r *storedReader) mentionsAsBefore(h *walkHit) ([]Mention, error) {
	g := *h
	g.ftls = make([]search.FieldTermLocation, len(h.locs))
	for i, l := range h.locs {
		g.ftls[i] = search.FieldTermLocation{Field: mentionOrder[l.field], Location: search.Location{
			Start: uint64(l.span.Start), End: uint64(l.span.End), ArrayPositions: search.ArrayPositions{uint64(l.index)},
		}}
	}
	dm, err := r.hitMatch(&g)
	if err != nil {
		return nil, err
	}
	var ms []Mention
	err = eachMention(newOccurrence(dm), func(m Mention) error {
		ms = append(ms, m)
		return nil
	})
	return ms, err
}
