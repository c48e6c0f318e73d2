package ingest

import (
	"slices"
	"testing"
)

func TestFindDates(t *testing.T) {
	meeting := dateCtx{ref: parseISO("2026-04-09")}
	tests := []struct {
		name string
		ctx  dateCtx
		in   string
		want []string
	}{
		{"iso", dateCtx{}, "Datum: 2026-04-13", []string{"2026-04-13"}},
		{"yymmdd", dateCtx{}, "Datum: 260409", []string{"2026-04-09"}},
		{"yyyymmdd", dateCtx{}, "protokoll 20230608", []string{"2023-06-08"}},
		{"words with year", dateCtx{}, "Datum: 26 oktober 2023", []string{"2023-10-26"}},
		{"words without year, no context", dateCtx{}, "den 22 maj", nil},
		{"words without year", meeting, "Länschefsnätverket den 22 maj, med beslut den 11 juni", []string{"2026-05-22", "2026-06-11"}},
		{"later the same year", meeting, "systemledningsforum den 12 oktober", []string{"2026-10-12"}},
		{"next year across new year", dateCtx{ref: parseISO("2025-12-10")}, "den 15 januari", []string{"2026-01-15"}},
		{"two compact dates", meeting, "på möten 230615 och 230922", []string{"2023-06-15", "2023-09-22"}},
		{"in order of appearance", meeting, "den 1 juli 2026 och den 15 december 2025", []string{"2026-07-01", "2025-12-15"}},
		{"month and year only", meeting, "I mars 2022 beslutade", nil},
		{"invalid day", dateCtx{}, "2026-02-30 och 260231", nil},
		{"amounts and case numbers", meeting, "8 000 medarbetare, Dnr 2023/79, tel 023-123456, 999999", nil},
		{"compact far from the meeting", meeting, "nummer 120101", nil},
		{"bracketed", meeting, "berett ärendet (231011) och", []string{"2023-10-11"}},
		{"ordinal", meeting, "den 1:a maj", []string{"2026-05-01"}},
		{"abbreviated month", meeting, "den 3 okt. 2025", []string{"2025-10-03"}},
		{"not a month", meeting, "18 månader, 3 steg", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ctx.findDates(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("findDates(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseTimes(t *testing.T) {
	tests := []struct{ in, start, end string }{
		{"09.00-12.00", "09:00", "12:00"},
		{"Kl. 9.00 – 12.00", "09:00", "12:00"},
		{"kl 13:15–15.30", "13:15", "15:30"},
		{"13.00", "13:00", ""},
		{"heldag", "", ""},
		{"25.00-26.00", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			start, end := parseTimes(tt.in)
			if start != tt.start || end != tt.end {
				t.Errorf("parseTimes(%q) = %q, %q, want %q, %q", tt.in, start, end, tt.start, tt.end)
			}
		})
	}
}
