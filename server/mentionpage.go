package server

import (
	"net/http"
	"net/url"

	"motesarkiv/index"
)

// mentionView is the list of every mention of a search, a page at a time.
type mentionView struct {
	Query       string
	Hidden      []field
	Error       string
	Count       string // "123 förekomster i 20 punkter"
	Mentions    []mentionRow
	Page, Pages int
	Prev, Next  string
	Links       searchLinks
	SearchURL   string
}

type mentionRow struct {
	Mention
	Date      string
	FieldName string // in Swedish
	Link      string // the meeting at the item, with the words marked
}

// mentionsPerPage is how many mentions one page lists; the downloads
// have them all.
const mentionsPerPage = 100

// mentionPage serves GET /forekomster: every mention of the search, with
// links to download them all. Counting them means walking them all, which
// the download does anyway; the page keeps only its own.
func (s *Server) mentionPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := &mentionView{Query: q.Get("q"), Hidden: hiddenFields(q, stateNames[1:]),
		Links: newSearchLinks(q), SearchURL: urlOf("/", searchState(q))}
	if v.Query == "" {
		return s.render(w, http.StatusOK, "mentions", v)
	}
	err := s.fillMentions(r, v)
	if msg, bad := badInput(err); err != nil && bad {
		v.Error = msg
		return s.render(w, http.StatusBadRequest, "mentions", v)
	} else if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "mentions", v)
}

func (s *Server) fillMentions(r *http.Request, v *mentionView) error {
	q := r.URL.Query()
	req, err := searchParams(q)
	if err != nil {
		return err
	}
	page, err := intParam(q, "page", 1, maxMentionPage)
	if err != nil {
		return err
	}
	first := (page - 1) * mentionsPerPage
	n, items := 0, map[string]bool{}
	err = s.mentions.Mentions(r.Context(), req, func(m Mention) error {
		if n >= first && n < first+mentionsPerPage {
			v.Mentions = append(v.Mentions, newMentionRow(m, req.Query))
		}
		n++
		items[m.MeetingID+"/"+m.Item] = true
		return nil
	})
	if err != nil {
		return err
	}
	v.Count = svCount(uint64(n), "förekomst", "förekomster") + " i " + svCount(uint64(len(items)), "punkt", "punkter")
	v.setPaging(q, page, n)
	return nil
}

// maxMentionPage bounds the page parameter; a page past the end is empty.
const maxMentionPage = 1_000_000

func (v *mentionView) setPaging(q url.Values, page, total int) {
	v.Page, v.Pages = page, (total+mentionsPerPage-1)/mentionsPerPage
	if page > 1 {
		v.Prev = withPage("/forekomster", q, min(page-1, max(v.Pages, 1)))
	}
	if page < v.Pages {
		v.Next = withPage("/forekomster", q, page+1)
	}
}

func newMentionRow(m Mention, query string) mentionRow {
	h := index.Hit{MeetingID: m.MeetingID, Item: m.Item, URL: m.URL}
	return mentionRow{Mention: m, Date: svDate(m.MeetingDate), FieldName: fieldName(m.Field), Link: markedLink(h, query)}
}
