package ingest

import (
	"reflect"
	"testing"
)

func TestParsePeople(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Person
	}{
		{
			"name, role, organisation",
			"Beat Axå, ordförande, Länschefsnätverket",
			[]Person{{Name: "Beat Axå", Role: "ordförande", Organisation: "Länschefsnätverket"}},
		},
		{
			"two names sharing role and organisation",
			"Henrietta Forsman och Caroline Mörk, Utvecklingsledare RSS Dalarna.",
			[]Person{
				{Name: "Henrietta Forsman", Role: "Utvecklingsledare", Organisation: "RSS Dalarna"},
				{Name: "Caroline Mörk", Role: "Utvecklingsledare", Organisation: "RSS Dalarna"},
			},
		},
		{
			"semicolon after the name",
			"Anders Manell; Utvecklingsledare, Psykiatrins Utvecklingsenhet Region Dalarna,",
			[]Person{{Name: "Anders Manell", Role: "Utvecklingsledare", Organisation: "Psykiatrins Utvecklingsenhet Region Dalarna"}},
		},
		{
			"och inside a role, och before a name, broken hyphen",
			"Katarina Nordin- Kajblad, Ordförande Nätverket för välfärdsteknik och Verksamhetsutvecklare, " +
				"Dalarna hjälpmedelscenter och Linus Nielsen, bitr. förvaltningschef, Dalarnas hjälpmedelscenter.",
			[]Person{
				{Name: "Katarina Nordin-Kajblad", Role: "Ordförande Nätverket för välfärdsteknik och Verksamhetsutvecklare", Organisation: "Dalarna hjälpmedelscenter"},
				{Name: "Linus Nielsen", Role: "bitr. förvaltningschef", Organisation: "Dalarnas hjälpmedelscenter"},
			},
		},
		{
			"several organisation groups",
			"Håkan Landpers, Verksamhetsutvecklare barn och unga, Primärvården, Region Dalarna",
			[]Person{{Name: "Håkan Landpers", Role: "Verksamhetsutvecklare barn och unga", Organisation: "Primärvården, Region Dalarna"}},
		},
		{
			"participants listed in turn, with a note",
			"Beat Axå, Divisionschef psykiatri, Styrgrupp Länschefsnätverket, Tomas Ahlin, IFO-chef Borlänge, " +
				"Styrgrupp Länschefsnätverket (adjungerad av kommunrepresentanterna).",
			[]Person{
				{Name: "Beat Axå", Role: "Divisionschef psykiatri", Organisation: "Styrgrupp Länschefsnätverket"},
				{Name: "Tomas Ahlin", Role: "IFO-chef Borlänge", Organisation: "Styrgrupp Länschefsnätverket", Note: "adjungerad av kommunrepresentanterna"},
			},
		},
		{
			"a role that looks like a name",
			"Ulrika Gärdsback, Socialchef Gagnefs kommun, Styrgrupp för Länschefsnätverket, Ordförande Länschefsnätverket, " +
				"Helene Kastemyr, Divisionschef primärvård",
			[]Person{
				{Name: "Ulrika Gärdsback", Role: "Socialchef Gagnefs kommun, Ordförande Länschefsnätverket", Organisation: "Styrgrupp för Länschefsnätverket"},
				{Name: "Helene Kastemyr", Role: "Divisionschef primärvård"},
			},
		},
		{
			"name only",
			"Anna Andersson",
			[]Person{{Name: "Anna Andersson"}},
		},
		{
			"organisation only",
			"Per Berg, Socialförvaltningen",
			[]Person{{Name: "Per Berg", Organisation: "Socialförvaltningen"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newNameSet().parsePeople(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parsePeople(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSpeakerLineRecognition(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Föredragande: Beat Axå, ordförande, Länschefsnätverket", true},
		{"Föredragare: Anna Berg", true},
		{"Föredragande konstaterades att ansvarsfördelningen", false},
		{"Föredragande lyfte att det sannolikt", false},
		{"Föredragandes presentationsmaterial delges som underlag", false},
	}
	for _, tt := range tests {
		if got := speakerRe.MatchString(tt.line); got != tt.want {
			t.Errorf("speaker line %q: got %v, want %v", tt.line, got, tt.want)
		}
	}
}
