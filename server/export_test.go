package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"motesarkiv/index"
)

type mentionList struct {
	Query    string    `json:"query"`
	Mentions []Mention `json:"mentions"`
	Total    int       `json:"total"`
}

// TestMentionsOfPhrase: every mention of the phrase, each the whole
// phrase in its context, the same in JSON, CSV and on the page.
func TestMentionsOfPhrase(t *testing.T) {
	h := newTestHandler(t)
	var list mentionList
	getJSON(t, h, "/api/v1/mentions?"+phrase, http.StatusOK, &list)
	if list.Total == 0 || list.Total != len(list.Mentions) || list.Query != `"God och Nära vård"` {
		t.Fatalf("total %d, %d mentions, query %q", list.Total, len(list.Mentions), list.Query)
	}
	items := map[string]bool{}
	for _, m := range list.Mentions {
		if !strings.EqualFold(m.Match, "God och Nära vård") {
			t.Errorf("%s %s %s: match %q, want the phrase", m.MeetingDate, m.Item, m.Field, m.Match)
		}
		if m.URL != "/m/"+m.MeetingID+"#punkt-"+m.Item || m.Before == "" && m.After == "" {
			t.Errorf("mention %+v", m)
		}
		items[m.MeetingID+"/"+m.Item] = true
	}
	if len(items) != 5 {
		t.Errorf("mentions in %d items, want the 5 hits", len(items))
	}

	rec := get(t, h, "/api/v1/mentions.csv?"+phrase)
	body := rec.Body.Bytes()
	if !bytes.HasPrefix(body, []byte("\ufeff")) || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("CSV without BOM or as no attachment")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != list.Total+1 || strings.Join(rows[0], ";") != strings.Join(csvHeader, ";") {
		t.Errorf("CSV: %d rows, header %q; want %d and the header", len(rows), rows[0], list.Total+1)
	}
	if link := rows[1][8]; !strings.HasPrefix(link, "http://example.com/m/") {
		t.Errorf("CSV link %q is not absolute", link)
	}

	page := get(t, h, "/forekomster?"+phrase).Body.String()
	if want := fmt.Sprintf("%d förekomster i 5 punkter", list.Total); !strings.Contains(page, want) {
		t.Errorf("page lacks %q", want)
	}
	if n := strings.Count(page, `<td class="kwic">`); n != list.Total {
		t.Errorf("page lists %d mentions, want %d", n, list.Total)
	}
}

func TestMentionsNeedAQuery(t *testing.T) {
	h := newTestHandler(t)
	var body map[string]string
	getJSON(t, h, "/api/v1/mentions", http.StatusBadRequest, &body)
	if !strings.Contains(body["error"], "q") {
		t.Errorf("error %q", body["error"])
	}
	getJSON(t, h, "/api/v1/mentions.csv?q="+`%22open`, http.StatusBadRequest, &body)
	var list mentionList
	getJSON(t, h, "/api/v1/mentions?q=zzzzqqq", http.StatusOK, &list)
	if list.Total != 0 || list.Mentions == nil {
		t.Errorf("no mentions: %+v", list)
	}
}

// manyMentions is a Mentioner with n mentions, failing after failAt if
// that is above 0.
type manyMentions struct{ n, failAt int }

func (m manyMentions) Mentions(_ context.Context, _ index.Request, fn func(Mention) error) error {
	for i := range m.n {
		if m.failAt > 0 && i == m.failAt {
			return errors.New("disk on fire")
		}
		if err := fn(Mention{MeetingID: "m", MeetingDate: "2026-01-01", Item: fmt.Sprint(i), Match: "ord", URL: "/m/m#punkt-1"}); err != nil {
			return err
		}
	}
	return nil
}

// TestMentionsHaveNoCap: the exports pass on every mention, well past the
// 10 000 that paging a search stops at.
func TestMentionsHaveNoCap(t *testing.T) {
	const n = 25_000
	h := New(Config{Index: newTestIndex(t), Mentions: manyMentions{n: n}, Logger: testLogger(t)}).Handler()
	var list mentionList
	getJSON(t, h, "/api/v1/mentions?q=ord", http.StatusOK, &list)
	if list.Total != n || len(list.Mentions) != n {
		t.Errorf("JSON: total %d, %d mentions; want %d", list.Total, len(list.Mentions), n)
	}
	lines := strings.Count(get(t, h, "/api/v1/mentions.csv?q=ord").Body.String(), "\n")
	if lines != n+1 {
		t.Errorf("CSV: %d lines, want %d", lines, n+1)
	}
	page := get(t, h, "/forekomster?q=ord&page=250").Body.String()
	if !strings.Contains(page, "25\u00a0000 förekomster") || !strings.Contains(page, "Sida 250 av 250") {
		t.Errorf("the last page of the list does not say 25 000 mentions, page 250 of 250")
	}
}

// TestMentionsAbortMidway: an error after the download has begun cuts
// the connection, so that a client cannot take half a list for all of it.
func TestMentionsAbortMidway(t *testing.T) {
	h := New(Config{Index: newTestIndex(t), Mentions: manyMentions{n: 50_000, failAt: 20_000}, Logger: testLogger(t)}).Handler()
	ts := httptest.NewServer(h)
	defer ts.Close()
	for _, path := range []string{"/api/v1/mentions?q=ord", "/api/v1/mentions.csv?q=ord"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil && json.Valid(body) {
			t.Errorf("%s: a failed export ended as a complete answer", path)
		}
	}
	// Before anything is written, an error is an ordinary error response.
	h = New(Config{Index: newTestIndex(t), Mentions: failing{}, Logger: testLogger(t)}).Handler()
	var body map[string]string
	getJSON(t, h, "/api/v1/mentions.csv?q=ord", http.StatusInternalServerError, &body)
}

// failing is a Mentioner that fails before its first mention.
type failing struct{}

func (failing) Mentions(context.Context, index.Request, func(Mention) error) error {
	return errors.New("disk on fire")
}

func TestCell(t *testing.T) {
	for in, want := range map[string]string{"=SUMMA(A1)": "'=SUMMA(A1)", "+46": "'+46", "@x": "'@x", "vård": "vård", "": ""} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMentionFormats: format=json, csv and ndjson list the same mentions
// — the 13 of the phrase in the two seeds — and an unknown format is 400.
func TestMentionFormats(t *testing.T) {
	h := newTestHandler(t)
	var list mentionList
	getJSON(t, h, "/api/v1/mentions?format=json&"+phrase, http.StatusOK, &list)
	if list.Total != 13 {
		t.Errorf("JSON: %d mentions of the phrase, want 13", list.Total)
	}
	var want []string
	for _, m := range list.Mentions {
		want = append(want, m.MeetingID+"/"+m.Item+"/"+m.Field+"/"+m.Match)
	}
	tests := []struct {
		format string
		read   func(io.Reader) ([]string, error)
	}{
		{"csv", func(r io.Reader) ([]string, error) {
			rows, err := csv.NewReader(r).ReadAll()
			if err != nil || len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(plainCSVHeader, ",") {
				return nil, fmt.Errorf("rows %v: %v", rows, err)
			}
			var keys []string
			for _, row := range rows[1:] {
				keys = append(keys, row[0]+"/"+row[3]+"/"+row[5]+"/"+row[7])
			}
			return keys, nil
		}},
		{"ndjson", func(r io.Reader) ([]string, error) {
			var keys []string
			dec := json.NewDecoder(r)
			for dec.More() {
				var m Mention
				if err := dec.Decode(&m); err != nil {
					return nil, err
				}
				keys = append(keys, m.MeetingID+"/"+m.Item+"/"+m.Field+"/"+m.Match)
			}
			return keys, nil
		}},
	}
	for _, tt := range tests {
		rec := get(t, h, "/api/v1/mentions?format="+tt.format+"&"+phrase)
		got, err := tt.read(rec.Body)
		if rec.Code != http.StatusOK || err != nil {
			t.Fatalf("format=%s: status %d, %v", tt.format, rec.Code, err)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("format=%s lists\n%v\nwant\n%v", tt.format, got, want)
		}
	}
	var body map[string]string
	getJSON(t, h, "/api/v1/mentions?format=xml&"+phrase, http.StatusBadRequest, &body)
	if !strings.Contains(body["error"], "format") {
		t.Errorf("unknown format: %v", body)
	}
}
