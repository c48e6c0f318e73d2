package server

import (
	"context"
	"net/http"

	"motesarkiv/index"
)

// meetingLister is an index that lists its meetings
// (index.Index.Meetings).
type meetingLister interface {
	Meetings(ctx context.Context, r index.MeetingsRequest) (*index.MeetingPage, error)
}

// meetingsList answers GET /api/v1/meetings: a page of the meetings,
// newest first, narrowed by organ (repeatable; values combine with OR)
// and meeting dates from and to (YYYY-MM-DD, inclusive), paged by page
// (from 1) and size (default 20, clamped to 100). The answer is
// {"total", "page", "size", "meetings": [{"id", "organ", "meeting_date",
// "region", "url"}]}.
func (s *Server) meetingsList(w http.ResponseWriter, r *http.Request) error {
	ml, ok := s.idx.(meetingLister)
	if !ok {
		return errUnsupported
	}
	v := r.URL.Query()
	req := index.MeetingsRequest{Organ: values(v, "organ")}
	var err error
	if req.From, err = dateParam(v, "from"); err != nil {
		return err
	}
	if req.To, err = dateParam(v, "to"); err != nil {
		return err
	}
	if req.Page, err = intParam(v, "page", 1, maxPage); err != nil {
		return err
	}
	if req.Size, err = intParam(v, "size", index.DefaultSize, index.MaxSize); err != nil {
		return err
	}
	if len(req.Organ) > maxFilterValues {
		return badParam("organ", "För många organ. Välj högst 50.", "%d organs, at most %d", len(req.Organ), maxFilterValues)
	}
	page, err := ml.Meetings(r.Context(), req)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}
