package server

import (
	"encoding/xml"
	"net/http"
)

// openSearchDescription lets a browser add the archive as a search
// engine, with suggestions as the user types in the address bar
// (OpenSearch 1.1 and its suggestions extension).
type openSearchDescription struct {
	XMLName       xml.Name        `xml:"OpenSearchDescription"`
	NS            string          `xml:"xmlns,attr"`
	ShortName     string          `xml:"ShortName"`
	Description   string          `xml:"Description"`
	InputEncoding string          `xml:"InputEncoding"`
	Language      string          `xml:"Language"`
	URLs          []openSearchURL `xml:"Url"`
}

type openSearchURL struct {
	Type     string `xml:"type,attr"`
	Rel      string `xml:"rel,attr,omitempty"`
	Method   string `xml:"method,attr,omitempty"`
	Template string `xml:"template,attr"`
}

// openSearch serves GET /opensearch.xml. The templates must be absolute,
// so they are made from the address the browser used.
func (s *Server) openSearch(w http.ResponseWriter, r *http.Request) error {
	base := baseURL(r)
	d := openSearchDescription{
		NS:            "http://a9.com/-/spec/opensearch/1.1/",
		ShortName:     "Mötesarkiv",
		Description:   "Sök i minnesanteckningar och protokoll",
		InputEncoding: "UTF-8", Language: "sv",
		URLs: []openSearchURL{
			{Type: "text/html", Method: "get", Template: base + "/?q={searchTerms}"},
			{Type: suggestionsType, Method: "get", Template: base + "/api/v1/suggest?q={searchTerms}"},
			{Type: "application/atom+xml", Method: "get", Template: base + "/feed.atom?q={searchTerms}"},
			{Type: "application/opensearchdescription+xml", Rel: "self", Template: base + "/opensearch.xml"},
		},
	}
	out, err := xml.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/opensearchdescription+xml; charset=utf-8")
	_, err = w.Write(append([]byte(xml.Header), out...))
	return err
}
