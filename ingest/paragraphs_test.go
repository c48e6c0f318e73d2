package ingest

import (
	"reflect"
	"strings"
	"testing"
)

func TestMatchParagraph(t *testing.T) {
	tests := []struct {
		line, number, dnr, title string
		below, ok                bool
	}{
		{"§1", "1", "", "", true, true},
		{"§ 10 0901/22", "10", "0901/22", "", true, true},
		{"§ 388 Ärendenummer SLK-2024-00009:3", "388", "SLK-2024-00009:3", "", true, true},
		{"§ 24 Ärendenummer", "24", "", "", true, true},
		{"§ 5 Dnr KS 2024/12 Budget 2025", "5", "KS 2024/12", "Budget 2025", false, true},
		{"§ 12 Ärende om skolskjuts", "12", "", "Ärende om skolskjuts", false, true},
		{"§ 11 till kommunstyrelsen att komplettera", "", "", "", false, false},
		{"§ 104.", "", "", "", false, false},
		{"§ 21, att se över sin kapacitet", "", "", "", false, false},
	}
	for _, tt := range tests {
		h, ok := matchParagraph(tt.line, 0)
		if ok != tt.ok || ok && (h.number != tt.number || h.dnr != tt.dnr || h.text != tt.title || h.titleBelow != tt.below) {
			t.Errorf("matchParagraph(%q) = %+v, %v", tt.line, h, ok)
		}
	}
}

func TestTitleGoesOn(t *testing.T) {
	const width = 58
	tests := []struct {
		last, next string
		gap, want  bool
	}{
		{"Interpellation av Pär Gustafsson (L) till kommunstyrelsens", "ordförande angående rekommendationer", false, true},
		{"Anmälan av länsstyrelsens beslut att utse Jenny Perez", "Grannas (V) till ny ersättare i kommunfullmäktige i stället för", false, true},
		{"Anmälan av länsstyrelsens beslut att utse", "Klas Forsberg (MP) till ny ersättare", false, true},
		{"Val av ersättare i förbundsfullmäktige i kommunalförbundet", "Räddningstjänsten Storgöteborg i stället för Rebecka Rapp", false, true},
		{"Räddningstjänsten Storgöteborg i stället för Rebecka Rapp", "(SD)", false, true},
		{"små barn", "Kommunstyrelsens ordförande Jonas Attenius (S) har överlämnat interpellationen till", false, false},
		{"Frågestund", "Fråga 1", false, false},
		{"Ordningsfråga", "Med anledning av att klockan är 21:24 frågar ordföranden, i enlighet med", false, false},
		{"Parentation", "Kommunfullmäktiges tidigare ledamot Birger Hassel (S) har avlidit.", false, false},
		{"Redovisning av Göteborgs Stadshus AB:s ägardialoger i juni", "2023", false, true},
		{"Göteborgs Stads delårsrapport mars 2024 och en lång titel", "Nästa sida", true, false},
	}
	for _, tt := range tests {
		if got := titleGoesOn(tt.last, tt.next, tt.gap, width); got != tt.want {
			t.Errorf("titleGoesOn(%q, %q) = %v, want %v", tt.last, tt.next, got, tt.want)
		}
	}
}

func TestReadDecisionSection(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"lead-in and points", "\nEnligt kommunstyrelsens förslag:\n1. Delårsrapporten godkänns.\n2. Nämnderna får i uppdrag att\nredovisa.\n\nTidigare behandling\n",
			[]string{"Enligt kommunstyrelsens förslag:", "1. Delårsrapporten godkänns.", "2. Nämnderna får i uppdrag att redovisa."}},
		{"lettered parts belong to their point", "1. Kommunstyrelsen får i uppdrag att\na. utreda,\nb. redovisa.\n2. Antecknas.\n",
			[]string{"1. Kommunstyrelsen får i uppdrag att a. utreda, b. redovisa.", "2. Antecknas."}},
		{"the account after the decision", "\nAntecknas.\n\nEfter kommunfullmäktiges sammanträde har följande motioner inkommit.\n",
			[]string{"Antecknas."}},
		{"a lead-in goes on after an empty line", "Enligt kommunstyrelsens förslag:\n\nRedovisningen antecknas.\n",
			[]string{"Enligt kommunstyrelsens förslag: Redovisningen antecknas."}},
		{"no decision", "\nYrkanden\nA yrkar bifall.\n", nil},
	}
	for _, tt := range tests {
		got, _ := readDecisionSection(strings.Split(tt.in, "\n"))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPartyPeople(t *testing.T) {
	text := "Förste vice ordföranden Håkan Eriksson (V), Kommunalrådet Marie Brynolfsson (V) och\n" +
		"Alejandro Del Castillo (V) yrkar bifall. Region Dalarna (RD) och Lokala programområden (LPO). Håkan Eriksson (V)."
	var got []string
	for _, p := range newNameSet().partyPeople(text) {
		got = append(got, p.Name+" "+p.Party)
	}
	want := []string{"Håkan Eriksson V", "Marie Brynolfsson V", "Alejandro Del Castillo V"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("partyPeople = %q, want %q", got, want)
	}
}

func TestProtocolJusterare(t *testing.T) {
	text := "§1\nBestämmande av tid för justering\nBeslut\n\nFörste vice ordföranden Håkan Eriksson (V), andra vice ordföranden Margareta Broang (M)\n" +
		"och tredje vice ordföranden Lisbeth Sundén Andersson (D) justerar dagens protokoll\ntillsammans med ordföranden Aslan Akbas (S).\n\n" +
		"§2\nFrågestund\nInga frågor har inkommit.\n"
	m, err := parseText("Kommunfullmäktige\nSammanträdesdatum: 2023-02-23\n\n" + text)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Håkan Eriksson", "Margareta Broang", "Lisbeth Sundén Andersson"}; !reflect.DeepEqual(m.Justerare, want) {
		t.Errorf("justerare %q, want %q", m.Justerare, want)
	}
	if got := labels(m.Items); !reflect.DeepEqual(got, []string{"1", "2"}) {
		t.Errorf("items %q", got)
	}
}
