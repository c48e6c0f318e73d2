package ingest

import (
	"strings"
	"testing"
)

func TestUnwrap(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"wrap across an empty line", "Parallellt har ny lagstiftning tillkommit, bland annat\n\nförändringar i patientlagen.",
			"Parallellt har ny lagstiftning tillkommit, bland annat förändringar i patientlagen."},
		{"function word before a capital", "Samtliga kommuner, med undantag för\n\nSmedjebacken, har tecknat avtal.",
			"Samtliga kommuner, med undantag för Smedjebacken, har tecknat avtal."},
		{"year after a wrap", "i Dalarnas län. I mars\n\n2022 beslutade nätverket.", "i Dalarnas län. I mars 2022 beslutade nätverket."},
		{"paragraphs", "Första stycket.\n\nAndra stycket.", "Första stycket.\n\nAndra stycket."},
		{"sentence end inside a paragraph", "Första meningen.\nAndra meningen.", "Första meningen. Andra meningen."},
		{"hyphenated word", "en gemensam MiniMaria-\nverksamhet", "en gemensam MiniMaria-verksamhet"},
		{"shared word part", "hälso-\noch sjukvård", "hälso- och sjukvård"},
		{"abbreviation", "det s.k.\n\nHemsjukvårdsavtalet", "det s.k. Hemsjukvårdsavtalet"},
		{"short sub-heading", "Bakgrund\n\nArbetet började i fjol.", "Bakgrund\n\nArbetet började i fjol."},
		{"list", "följande:\n- ett\n- två", "följande:\n\n- ett\n\n- två"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unwrap(strings.Split(tt.in, "\n")); got != tt.want {
				t.Errorf("unwrap = %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDropPageFurniture(t *testing.T) {
	lines := splitLines("Välfärdsrådet\n\nMinnesanteckningar\nDatum: 2026-04-09\n\n1. Öppnande\ntext som\nSida 1 av 2\nVälfärdsrådet\nfortsätter\n2 (2)\n")
	dropPageFurniture(lines)
	got := strings.Join(nonEmpty(lines), "|")
	want := "Välfärdsrådet|Minnesanteckningar|Datum: 2026-04-09|1. Öppnande|text som|fortsätter"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestHeadings(t *testing.T) {
	text := "Tid: 09.00\n12.00 Lunch\n1.Ingen rubrik\n" +
		"1. Mötets öppnande\n" +
		"2. Beslut: Godkännande av utredningsuppdrag om en länsgemensam\n\nverksamhet för barn och\nunga (Bilaga 2 G)\nFöredragande: A B\n" +
		"Förvaltningen föreslår:\n1. Hemtjänsten\n2. Boende\n3. Dagverksamhet\n" +
		" 3. **Information: Aktivitetskravet** (Bilaga 3)\n" +
		"a) Första\n" + "Text 8 000 kronor\n" + "c) Inte b\n" + "b) Andra\n" +
		"4. Rapport: Uppdrag att implementera en sammanhållen ungdomshälsa i\n\nDalarna\nText.\n" +
		"12. Fel nummer\n"
	hs := findHeadings(splitLines(text))
	var got []string
	for _, h := range hs {
		kind, title, att := splitHeading(h.text)
		got = append(got, h.number+h.sub+"|"+kind+"|"+title+"|"+strings.Join(att, ","))
	}
	want := []string{
		"1||Mötets öppnande|",
		"2|Beslut|Godkännande av utredningsuppdrag om en länsgemensam verksamhet för barn och unga|Bilaga 2 G",
		"3|Information|Aktivitetskravet|Bilaga 3",
		"3a||Första|",
		"3b||Andra|",
		"4|Rapport|Uppdrag att implementera en sammanhållen ungdomshälsa i Dalarna|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings\n got %q\nwant %q", got, want)
	}
}

func TestFindAttachments(t *testing.T) {
	tests := []struct{ in, want string }{
		{"exempel på stödinsatser, bilaga 7. Beat", "Bilaga 7"},
		{"socialtjänstlagen, bilaga10.", "Bilaga 10"},
		{"(Bilaga 2 G)", "Bilaga 2 G"},
		{"se bilagor 3 och 4", "Bilaga 3|Bilaga 4"},
		{"bilaga 2 I dialogen", "Bilaga 2"},
		{"bilagan bifogas", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(findAttachments(tt.in), "|"); got != tt.want {
			t.Errorf("findAttachments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
