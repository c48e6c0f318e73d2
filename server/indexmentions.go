package server

import (
	"context"
	"unicode/utf8"

	"motesarkiv/index"
	"motesarkiv/ingest"
)

// indexMentioner is an index that lists mentions itself (index.Mentions);
// New prefers it to kwic, which the server keeps for an Index without.
type indexMentioner interface {
	Mentions(ctx context.Context, r index.Request, fn func(index.Mention) error) (int, error)
	Meeting(id string) (*ingest.Meeting, error)
}

// fromIndex adapts the index's mentions to the pages' Mention. It adds
// what they leave out, the item's title (each meeting read once per
// request) and its permalink, and widens a match to whole words: the
// index may match a part of a compound, but a reader sees the word.
type fromIndex struct{ idx indexMentioner }

func (f fromIndex) Mentions(ctx context.Context, r index.Request, fn func(Mention) error) error {
	titles := map[string]map[string]string{} // meeting id -> item -> title
	_, err := f.idx.Mentions(ctx, r, func(m index.Mention) error {
		title, err := f.title(titles, m.MeetingID, m.Item)
		if err != nil {
			return err
		}
		before, match, after := wholeWord(m.Before, m.Match, m.After)
		return fn(Mention{
			MeetingID: m.MeetingID, MeetingDate: m.MeetingDate, Organ: m.Organ,
			Item: m.Item, Title: title, Field: m.Field,
			Before: before, Match: match, After: after,
			URL: "/m/" + m.MeetingID + "#punkt-" + m.Item, // as index.Hit.URL
		})
	})
	return err
}

func (f fromIndex) title(titles map[string]map[string]string, meetingID, item string) (string, error) {
	if t, ok := titles[meetingID]; ok {
		return t[item], nil
	}
	m, err := f.idx.Meeting(meetingID)
	if err != nil {
		return "", err
	}
	t := map[string]string{}
	for _, it := range m.Items {
		t[it.Label()] = it.Title
	}
	titles[meetingID] = t
	return t[item], nil
}

// wholeWord moves the letters that continue the match's first and last
// word from the context into the match.
func wholeWord(before, match, after string) (string, string, string) {
	if r, _ := utf8.DecodeRuneInString(match); isWordRune(r) {
		i := len(before)
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(before[:i])
			if !isWordRune(r) {
				break
			}
			i -= size
		}
		before, match = before[:i], before[i:]+match
	}
	if r, _ := utf8.DecodeLastRuneInString(match); isWordRune(r) {
		j := 0
		for j < len(after) {
			r, size := utf8.DecodeRuneInString(after[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		match, after = match+after[:j], after[j:]
	}
	return before, match, after
}
