package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"motesarkiv/index"
)

// suggestionsType is the media type of OpenSearch suggestions.
const suggestionsType = "application/x-suggestions+json"

// Suggestions offered at most, per kind.
const (
	suggestWords  = 6
	suggestOthers = 3
)

// suggest serves GET /api/v1/suggest?q=…: completions of the query being
// typed, in the OpenSearch suggestions format that browsers read,
// [query, [completions], [descriptions]]. Each completion is the whole
// query with its last, unfinished word completed, since a browser puts a
// suggestion in place of all that was typed. The search page's script
// reads the same answer.
func (s *Server) suggest(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query().Get("q")
	head, partial := splitPartial(q)
	var found []index.Suggestion
	if partial != "" {
		var err error
		if found, err = s.idx.Suggest(r.Context(), partial, suggestWords); err != nil {
			return err
		}
	}
	texts, descs := []string{}, []string{}
	for _, c := range completions(head, found) {
		texts = append(texts, c.query)
		descs = append(descs, c.desc)
	}
	body, err := json.Marshal([]any{q, texts, descs})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", suggestionsType+"; charset=utf-8")
	_, err = w.Write(append(body, '\n'))
	return err
}

// splitPartial splits q before its last word when q ends inside a word;
// partial is "" when q ends with a space or a mark.
func splitPartial(q string) (head, partial string) {
	end := len(q)
	i := end
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(q[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i -= size
	}
	return q[:i], q[i:]
}

type completion struct{ query, desc string }

// completions puts each suggestion in place of the unfinished word. Inside
// an open quote only words fit; a speaker becomes a talare: phrase and a
// title a phrase of its own.
func completions(head string, found []index.Suggestion) []completion {
	inPhrase := strings.Count(head, `"`)%2 == 1
	var out []completion
	perKind := map[string]int{}
	for _, s := range found {
		if perKind[s.Kind]++; s.Kind != index.SuggestWord && perKind[s.Kind] > suggestOthers {
			continue
		}
		switch {
		case s.Kind == index.SuggestWord:
			out = append(out, completion{head + s.Text, "ord · " + svCount(uint64(s.Count), "punkt", "punkter")})
		case inPhrase:
		case s.Kind == index.SuggestSpeaker:
			out = append(out, completion{speakerHead(head) + `"` + s.Text + `"`, "föredragande · " + svCount(uint64(s.Count), "punkt", "punkter")})
		case s.Kind == index.SuggestTitle:
			out = append(out, completion{head + `"` + s.Text + `"`, "rubrik"})
		}
	}
	return out
}

// speakerHead ends head with a talare: prefix, unless it has one.
func speakerHead(head string) string {
	lower := strings.ToLower(head)
	for _, p := range []string{"talare:", "speaker:", "föredragande:"} {
		if strings.HasSuffix(lower, p) {
			return head
		}
	}
	return head + "talare:"
}
