package ingest

import (
	"reflect"
	"testing"
)

func TestParseRow(t *testing.T) {
	p := func(org, name, role, note string) Person {
		return Person{Organisation: org, Name: name, Role: role, Note: note}
	}
	tests := []struct {
		row  string
		want []Person
	}{
		{"Region Dalarna\tSofia Jarl (ordf)\tSebastian Karlberg\t",
			[]Person{p("Region Dalarna", "Sofia Jarl", "ordf", ""), p("Region Dalarna", "Sebastian Karlberg", "", "")}},
		{"Gagnef\tEva-Lotta Törnblom Nises\t\t",
			[]Person{p("Gagnef", "Eva-Lotta Törnblom Nises", "", "")}},
		{"Region Dalarna Sofia Jarl (ordf) Sebastian Karlberg",
			[]Person{p("Region Dalarna", "Sofia Jarl", "ordf", ""), p("Region Dalarna", "Sebastian Karlberg", "", "")}},
		{"Hedemora Britt-Inger Remning Kajsa-Lena Fagerström",
			[]Person{p("Hedemora", "Britt-Inger Remning", "", ""), p("Hedemora", "Kajsa-Lena Fagerström", "", "")}},
		{"Hedemora Kajsa Lena Fagerström Anette Granegård",
			[]Person{p("Hedemora", "Kajsa Lena Fagerström", "", ""), p("Hedemora", "Anette Granegård", "", "")}},
		{"Orsa Bengt Åke Svahn Håkan Yngström",
			[]Person{p("Orsa", "Bengt Åke Svahn", "", ""), p("Orsa", "Håkan Yngström", "", "")}},
		{"Falun Susanne Norberg Jonas Sallén Lennerthson Sven-Olov Ytterholm",
			[]Person{p("Falun", "Susanne Norberg", "", ""), p("Falun", "Jonas Sallén Lennerthson", "", ""), p("Falun", "Sven-Olov Ytterholm", "", "")}},
		{"Malung-Sälen Jörgen Norén Brita Sohlin",
			[]Person{p("Malung-Sälen", "Jörgen Norén", "", ""), p("Malung-Sälen", "Brita Sohlin", "", "")}},
		{"Borlänge Cecilia Rodin (del av mötet) Marianne Henriksson",
			[]Person{p("Borlänge", "Cecilia Rodin", "", "del av mötet"), p("Borlänge", "Marianne Henriksson", "", "")}},
		{"Ludvika Åsa Bergkvist (v ordf) Håkan Frank",
			[]Person{p("Ludvika", "Åsa Bergkvist", "v ordf", ""), p("Ludvika", "Håkan Frank", "", "")}},
		{"Ålvdalen Anette Eriksson",
			[]Person{p("Ålvdalen", "Anette Eriksson", "", "")}},
		{"Tjänstepersoner Linda Haglund Tanja Mårtensson Stefan Nielsen",
			[]Person{p("Tjänstepersoner", "Linda Haglund", "", ""), p("Tjänstepersoner", "Tanja Mårtensson", "", ""), p("Tjänstepersoner", "Stefan Nielsen", "", "")}},
		{"Säter Xerxes Quist Sune Hemmingsson", // an unknown given name still makes a two-word name
			[]Person{p("Säter", "Xerxes Quist", "", ""), p("Säter", "Sune Hemmingsson", "", "")}},
		{"Mora", nil},
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			if got := newNameSet().parseRow(tt.row); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseRow(%q)\n got %+v\nwant %+v", tt.row, got, tt.want)
			}
		})
	}
}

// A name the built-in list lacks is learnt from a tab-separated table.
func TestLearnFromTable(t *testing.T) {
	ns := newNameSet()
	row := "Mora Xerxes Quist Yolo Berg"
	before := ns.parseRow(row)
	ns.learnFromTable([]string{"Orsa\tXerxes Lind\tYolo Ek"})
	after := ns.parseRow(row)
	if len(after) != 2 || after[0].Name != "Xerxes Quist" || after[1].Name != "Yolo Berg" {
		t.Errorf("after learning: %+v (before: %+v)", after, before)
	}
}
