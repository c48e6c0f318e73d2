package server

import (
	"context"
	"unicode/utf8"

	"motesarkiv/index"
)

// indexMentioner is an index that lists mentions itself (index.Mentions);
// New prefers it to kwic, which the server keeps for an Index without.
type indexMentioner interface {
	Mentions(ctx context.Context, r index.Request, fn func(index.Mention) error) (int, error)
}

// fromIndex adapts the index's mentions to the pages' Mention. It adds
// the item's permalink and widens a match to whole words: the index may
// match a part of a compound, but a reader sees the word. The title
// comes with the mention, from the item's own stored fields: reading
// each meeting again for it was most of an export's time.
type fromIndex struct{ idx indexMentioner }

func (f fromIndex) Mentions(ctx context.Context, r index.Request, fn func(Mention) error) error {
	var url, urlID, urlItem string // the last item's, for its next mention
	_, err := f.idx.Mentions(ctx, r, func(m index.Mention) error {
		before, match, after := wholeWord(m.Before, m.Match, m.After)
		if url == "" || m.MeetingID != urlID || m.Item != urlItem {
			url, urlID, urlItem = "/m/"+m.MeetingID+"#punkt-"+m.Item, m.MeetingID, m.Item // as index.Hit.URL
		}
		return fn(Mention{
			MeetingID: m.MeetingID, MeetingDate: m.MeetingDate, Organ: m.Organ,
			Item: m.Item, Title: m.Title, Field: m.Field,
			Before: before, Match: match, After: after, URL: url,
		})
	})
	return err
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
