package server

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"motesarkiv/index"
)

func TestDecisionsAPI(t *testing.T) {
	h := newTestHandler(t)
	var all struct {
		Decisions []index.Decision `json:"decisions"`
		Total     int              `json:"total"`
	}
	getJSON(t, h, "/api/v1/decisions", http.StatusOK, &all)
	if all.Total == 0 || all.Total != len(all.Decisions) {
		t.Fatalf("total %d, %d decisions", all.Total, len(all.Decisions))
	}
	tests := []struct {
		target string
		status int
		check  func(d index.Decision) bool
	}{
		{"/api/v1/decisions?from=2026-01-01", http.StatusOK, func(d index.Decision) bool { return d.MeetingDate >= "2026-01-01" }},
		{"/api/v1/decisions?to=2023-12-31", http.StatusOK, func(d index.Decision) bool { return d.MeetingDate <= "2023-12-31" }},
		{"/api/v1/decisions?year=2026", http.StatusOK, func(d index.Decision) bool { return strings.HasPrefix(d.MeetingDate, "2026") }},
		{"/api/v1/decisions?organ=V%C3%A4lf%C3%A4rdsr%C3%A5det", http.StatusOK, func(d index.Decision) bool { return d.Organ == "Välfärdsrådet" }},
		{"/api/v1/decisions?q=minnesanteckningar", http.StatusOK, func(d index.Decision) bool { return d.Text != "" }},
		{"/api/v1/decisions?from=2026-13-01", http.StatusBadRequest, nil},
		{"/api/v1/decisions?q=%22open", http.StatusBadRequest, nil},
		{"/api/v1/decisions?format=xml", http.StatusBadRequest, nil},
		{"/api/v1/decisions?decision=maybe", http.StatusBadRequest, nil},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			var got struct {
				Decisions []index.Decision `json:"decisions"`
				Total     int              `json:"total"`
			}
			getJSON(t, h, tc.target, tc.status, &got)
			for _, d := range got.Decisions {
				if !tc.check(d) {
					t.Errorf("decision %+v does not match", d)
				}
			}
			if tc.status == http.StatusOK && got.Total > all.Total {
				t.Errorf("total %d, more than all %d", got.Total, all.Total)
			}
		})
	}
}

func TestDecisionsCSV(t *testing.T) {
	h := newTestHandler(t)
	rec := get(t, h, "/api/v1/decisions?format=csv")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("status %d, Content-Type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	rows, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(decisionCSVHeader, ",") || len(rows) < 2 {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	for _, r := range rows[1:] {
		if len(r) != len(decisionCSVHeader) || r[6] == "" || !strings.HasPrefix(r[7], "/m/") {
			t.Errorf("row %q", r)
		}
	}
	// No decision at all is a header and nothing else.
	rec = get(t, h, "/api/v1/decisions?format=csv&from=1990-01-01&to=1990-12-31")
	if rec.Code != http.StatusOK || strings.Count(rec.Body.String(), "\n") != 1 {
		t.Errorf("empty register: status %d, %q", rec.Code, rec.Body)
	}
}
