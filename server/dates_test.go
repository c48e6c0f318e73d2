package server

import "testing"

func TestSvDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-04-09", "9 april 2026"},
		{"2023-10-26", "26 oktober 2023"},
		{"2024-01-01", "1 januari 2024"},
		{"", ""},
		{"2026-02-30", "2026-02-30"},
	}
	for _, tt := range tests {
		if got := svDate(tt.in); got != tt.want {
			t.Errorf("svDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSvCount(t *testing.T) {
	tests := []struct {
		n    uint64
		want string
	}{
		{0, "0 träffar"},
		{1, "1 träff"},
		{5, "5 träffar"},
		{1234, "1\u00a0234 träffar"},
		{1234567, "1\u00a0234\u00a0567 träffar"},
	}
	for _, tt := range tests {
		if got := svCount(tt.n, "träff", "träffar"); got != tt.want {
			t.Errorf("svCount(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got := svSeconds(4.2); got != "0,004 s" {
		t.Errorf("svSeconds(4.2) = %q", got)
	}
}
