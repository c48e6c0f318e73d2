package server

import (
	"net/http"
	"testing"

	"motesarkiv/index"
)

func TestMeetingsList(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		target string
		status int
		total  int
		ids    []string
	}{
		{"/api/v1/meetings", http.StatusOK, 2, []string{"valfardsradet-2026-04-09", "valfardsradet-2023-10-26"}},
		{"/api/v1/meetings?size=1", http.StatusOK, 2, []string{"valfardsradet-2026-04-09"}},
		{"/api/v1/meetings?size=1&page=2", http.StatusOK, 2, []string{"valfardsradet-2023-10-26"}},
		{"/api/v1/meetings?page=3", http.StatusOK, 2, []string{}},
		{"/api/v1/meetings?size=100000", http.StatusOK, 2, nil},
		{"/api/v1/meetings?organ=V%C3%A4lf%C3%A4rdsr%C3%A5det", http.StatusOK, 2, nil},
		{"/api/v1/meetings?organ=Kommunstyrelsen", http.StatusOK, 0, []string{}},
		{"/api/v1/meetings?from=2024-01-01", http.StatusOK, 1, []string{"valfardsradet-2026-04-09"}},
		{"/api/v1/meetings?to=2024-01-01", http.StatusOK, 1, []string{"valfardsradet-2023-10-26"}},
		{"/api/v1/meetings?from=2023-10-26&to=2023-10-26", http.StatusOK, 1, nil},
		{"/api/v1/meetings?from=2026-01-01&to=2025-01-01", http.StatusBadRequest, 0, nil},
		{"/api/v1/meetings?from=igår", http.StatusBadRequest, 0, nil},
		{"/api/v1/meetings?page=0", http.StatusBadRequest, 0, nil},
		{"/api/v1/meetings?page=-1", http.StatusBadRequest, 0, nil},
		{"/api/v1/meetings?size=abc", http.StatusBadRequest, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			var got index.MeetingPage
			getJSON(t, h, tc.target, tc.status, &got)
			if tc.status != http.StatusOK {
				return
			}
			if got.Total != tc.total {
				t.Errorf("total %d, want %d", got.Total, tc.total)
			}
			if tc.ids == nil {
				return
			}
			var ids []string
			for _, m := range got.Meetings {
				ids = append(ids, m.ID)
				if m.URL != "/m/"+m.ID || m.Organ == "" || m.Date == "" {
					t.Errorf("meeting %+v", m)
				}
			}
			if len(ids) != len(tc.ids) || (len(ids) > 0 && ids[0] != tc.ids[0]) {
				t.Errorf("meetings %v, want %v", ids, tc.ids)
			}
		})
	}
}
