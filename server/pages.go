package server

import (
	"net/http"
)

// page adapts h for the HTML pages: an error becomes an error page with
// the status from the table in errors.go.
func (s *Server) page(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status, msg := s.classify(r, err)
		view := errorView{Heading: errorHeading(status), Message: errorText(status, err, msg)}
		if rerr := s.render(w, status, "error", view); rerr != nil {
			s.classify(r, rerr)
			http.Error(w, msg, status)
		}
	})
}

type errorView struct{ Heading, Message string }

func errorHeading(status int) string {
	switch {
	case status == http.StatusNotFound:
		return "Sidan finns inte"
	case status == http.StatusForbidden:
		return "Åtkomst nekad"
	case status < http.StatusInternalServerError:
		return "Det gick inte att visa sidan"
	default:
		return "Något gick fel på servern"
	}
}

// errorText says in Swedish what went wrong, with the server's own words
// in parentheses where they name something (the id that was not found).
func errorText(status int, err error, msg string) string {
	switch status {
	case http.StatusBadRequest:
		return pageMessage(err)
	case http.StatusNotFound:
		return "Det finns inget på den här adressen (" + msg + ")."
	case http.StatusForbidden:
		return "Sidan får inte användas från en annan webbplats än de som arkivet tillåter."
	case http.StatusMethodNotAllowed:
		return "Adressen finns, men inte för den här sortens förfrågan."
	default:
		return "Något gick fel på servern. Felet finns i serverns logg; försök igen om en stund."
	}
}

// badInput returns the message to show beside a form for an error the
// user can correct (status 400), or ok false for any other error.
func badInput(err error) (msg string, ok bool) {
	if status, _ := statusOf(err); status != http.StatusBadRequest {
		return "", false
	}
	return pageMessage(err), true
}
