package server

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"motesarkiv/index"
)

func TestSearchParams(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(dateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	def := func(r index.Request) index.Request {
		if r.Sort == "" {
			r.Sort = index.SortRelevance
		}
		if r.Page == 0 {
			r.Page = 1
		}
		if r.Size == 0 {
			r.Size = index.DefaultSize
		}
		return r
	}
	tests := []struct {
		query string
		want  index.Request
	}{
		{"", def(index.Request{})},
		{"q=%22God+och+N%C3%A4ra+v%C3%A5rd%22", def(index.Request{Query: `"God och Nära vård"`})},
		{"q=++v%C3%A5rd++", def(index.Request{Query: "vård"})},
		{"from=2026-01-01&to=2026-04-09", def(index.Request{From: day("2026-01-01"), To: day("2026-04-09")})},
		{"from=2026-04-09&to=2026-04-09", def(index.Request{From: day("2026-04-09"), To: day("2026-04-09")})},
		{"from=&to=", def(index.Request{})}, // a form's blank fields
		{"speaker=Annika+Schmitt&speaker=Beat+Ax%C3%A5&speaker=", def(index.Request{
			Filters: index.Filters{Speaker: []string{"Annika Schmitt", "Beat Axå"}}})},
		{"kind=Beslut&organ=V%C3%A4lf%C3%A4rdsr%C3%A5det&year=2026&month=2026-04&decision=true&decision=false&dnr=HSN+2026%2F371",
			def(index.Request{Filters: index.Filters{
				Kind: []string{"Beslut"}, Organ: []string{"Välfärdsrådet"}, Year: []string{"2026"},
				Month: []string{"2026-04"}, Decision: []string{"true", "false"}, Dnr: []string{"HSN 2026/371"},
			}})},
		{"sort=date", def(index.Request{Sort: index.SortDate})},
		{"sort=-date", def(index.Request{Sort: index.SortDateDesc})},
		{"sort=relevance&page=3&size=5", def(index.Request{Page: 3, Size: 5})},
		{"size=1000", def(index.Request{Size: index.MaxSize})},
		{"size=99999999999999999999999", def(index.Request{Size: index.MaxSize})},
		{"page=99999", def(index.Request{Page: maxPage})},
		{"unknown=1", def(index.Request{})},
	}
	for _, tt := range tests {
		v, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := searchParams(v)
		if err != nil {
			t.Errorf("searchParams(%s): %v", tt.query, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("searchParams(%s)\n got %+v\nwant %+v", tt.query, got, tt.want)
		}
	}
}

func TestSearchParamsErrors(t *testing.T) {
	tests := []struct {
		query string
		param string // the parameter the message must name
	}{
		{"from=2026-13-01", "from"},
		{"from=2026-02-30", "from"},
		{"to=ig%C3%A5r", "to"},
		{"to=2026-4-9", "to"},
		{"from=2026-05-01&to=2026-04-01", "from"},
		{"size=abc", "size"},
		{"size=0", "size"},
		{"size=-5", "size"},
		{"size=1.5", "size"},
		{"page=0", "page"},
		{"page=x", "page"},
		{"decision=maybe", "decision"},
		{"decision=true&decision=ja", "decision"},
		{"month=2026-4", "month"},
		{"month=april", "month"},
		{"month=2026-13", "month"},
		{"year=26", "year"},
		{"year=tjugo", "year"},
		{"sort=newest", "sort"},
	}
	for _, tt := range tests {
		v, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		_, err = searchParams(v)
		if !errors.Is(err, errBadParam) {
			t.Errorf("searchParams(%s) = %v, want errBadParam", tt.query, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), "parameter "+tt.param+":") {
			t.Errorf("searchParams(%s): %q does not name %s", tt.query, err, tt.param)
		}
	}
}
