package ingest

import (
	"slices"
	"strings"
	"testing"
)

func TestDecisionHeader(t *testing.T) {
	tests := []struct {
		line string
		ok   bool
		rest string
	}{
		{"Välfärdsrådet beslutade:", true, ""},
		{"Välfärdsrådet beslutade", true, ""},
		{"Välfrädrärdet beslutade", true, ""},
		{"Välfrädrådet beslutade:", true, ""},
		{"Välfärdsrådet i Dalarna beslutade:", true, ""},
		{"Rådet beslutade", true, ""},
		{"Välfärdsrådet beslutade att lägga informationen till handlingarna.", true, "att lägga informationen till handlingarna."},
		{"Länschefsnätverket beslutade 230922 att godkänna uppdraget", false, ""},
		{"Länschefsnätverket beslutade att godkänna utredningsuppdraget om en", false, ""},
		{"Länschefsnätverket beslutade:", false, ""},
		{"Länschefsnätverket beslutade därför, vid mötet i mars, att anta", false, ""},
		{"2022 beslutade Länschefsnätverket om ett uppdragsdirektiv", false, ""},
		{"Välfärdsrådet informerades om", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			rest, ok := decisionHeader(tt.line, "Välfärdsrådet")
			if ok != tt.ok || ok && rest != tt.rest {
				t.Errorf("decisionHeader(%q) = %q, %v; want %q, %v", tt.line, rest, ok, tt.rest, tt.ok)
			}
		})
	}
}

func TestReadDecisions(t *testing.T) {
	tests := []struct {
		name  string
		lines string
		want  []string
		used  int
	}{
		{"one clause without a full stop", "\natt öppna mötet", []string{"att öppna mötet"}, 2},
		{
			"an att that continues a wrapped sentence",
			"att godkänna utredningsuppdraget om en länsgemensam verksamhet i\nDalarna för barn (”MiniMaria”).\n" +
				"att Välfärdsrådet på kommande möte fattar ett beslut om rekommendation\n" +
				"att anta en gemensam avsiktsförklaring att etablera en gemensam MiniMaria-\nverksamhet i länet.\n\n6. Nästa",
			[]string{
				"att godkänna utredningsuppdraget om en länsgemensam verksamhet i Dalarna för barn (”MiniMaria”).",
				"att Välfärdsrådet på kommande möte fattar ett beslut om rekommendation att anta en gemensam avsiktsförklaring att etablera en gemensam MiniMaria-verksamhet i länet.",
			},
			5,
		},
		{"clauses on lines of their own", "att anta planen,\natt ge förvaltningen i uppdrag;\natt informera", []string{"att anta planen, att ge förvaltningen i uppdrag;", "att informera"}, 3},
		{"blank-separated clauses", "att anta planen\n\natt ge förvaltningen i uppdrag", []string{"att anta planen", "att ge förvaltningen i uppdrag"}, 3},
		{"body after the block", "att lägga informationen till handlingarna.\n\nMötet avslutades.", []string{"att lägga informationen till handlingarna."}, 1},
		{"body after an unfinished clause", "att lägga informationen till handlingarna\n\nNästa möte hålls i maj.", []string{"att lägga informationen till handlingarna"}, 1},
		{"bullets", "- att anta planen.\n- att informera.", []string{"att anta planen.", "att informera."}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, used := readDecisions("", strings.Split(tt.lines, "\n"))
			if !slices.Equal(got, tt.want) || used != tt.used {
				t.Errorf("readDecisions = %q, %d\nwant %q, %d", got, used, tt.want, tt.used)
			}
		})
	}
}
