package index

import (
	"errors"
	"fmt"
	"testing"
)

func TestMeetings(t *testing.T) {
	other := synthetic("syn-2025-05-02", "2025-05-02", "b")
	other.Organ = "Kommunstyrelsen"
	ix := uiIndex(t, synthetic("syn-2024-05-02", "2024-05-02", "a"), other)
	tests := []struct {
		name  string
		r     MeetingsRequest
		total int
		ids   []string // the page, in order; nil: not checked
		err   error
	}{
		{"all, newest first", MeetingsRequest{}, 4, []string{"valfardsradet-2026-04-09", "syn-2025-05-02", "syn-2024-05-02", "valfardsradet-2023-10-26"}, nil},
		{"page 2 of 1", MeetingsRequest{Page: 2, Size: 1}, 4, []string{"syn-2025-05-02"}, nil},
		{"beyond the last page", MeetingsRequest{Page: 9, Size: 1}, 4, []string{}, nil},
		{"organ", MeetingsRequest{Organ: []string{"Kommunstyrelsen"}}, 1, []string{"syn-2025-05-02"}, nil},
		{"organs", MeetingsRequest{Organ: []string{"Kommunstyrelsen", "Välfärdsrådet"}}, 4, nil, nil},
		{"no such organ", MeetingsRequest{Organ: []string{"Kommunfullmäktige i Ingenstans"}}, 0, []string{}, nil},
		{"dates", MeetingsRequest{From: isoDay("2024-01-01"), To: isoDay("2025-12-31")}, 2, nil, nil},
		{"one day", MeetingsRequest{From: isoDay("2024-05-02"), To: isoDay("2024-05-02")}, 1, []string{"syn-2024-05-02"}, nil},
		{"from after to", MeetingsRequest{From: isoDay("2025-01-01"), To: isoDay("2024-01-01")}, 0, nil, ErrBadQuery},
		{"too deep", MeetingsRequest{Page: 200, Size: 100}, 0, nil, ErrBadQuery},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ix.Meetings(t.Context(), tc.r)
			if tc.err != nil || err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("error %v, want %v", err, tc.err)
				}
				return
			}
			if p.Total != tc.total {
				t.Errorf("total %d, want %d", p.Total, tc.total)
			}
			if tc.ids != nil && fmt.Sprint(ids(p)) != fmt.Sprint(tc.ids) {
				t.Errorf("page %v, want %v", ids(p), tc.ids)
			}
		})
	}
}

func ids(p *MeetingPage) []string {
	out := []string{}
	for _, m := range p.Meetings {
		out = append(out, m.ID)
	}
	return out
}
