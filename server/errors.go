package server

import (
	"errors"
	"fmt"
	"net/http"

	"motesarkiv/index"
)

// errBadParam marks a request parameter that cannot be used; a paramError
// says which one and why.
var errBadParam = errors.New("bad parameter")

// errNoRoute and errBadMethod are what the router reports for a path or a
// method it does not serve.
var (
	errNoRoute   = errors.New("no such page")
	errBadMethod = errors.New("method not allowed")
)

// errNoOriginal: the archive keeps no copy of the meeting's file.
var errNoOriginal = errors.New("the archive keeps no original file of this meeting; its text is at /m/{id}/text")

// statuses maps errors to HTTP statuses. It is the one place that does;
// entries are tried in order with errors.Is, and anything unmatched is a
// 500 whose details stay in the log.
var statuses = []struct {
	err    error
	status int
}{
	{index.ErrBadQuery, http.StatusBadRequest},
	{errBadParam, http.StatusBadRequest},
	{index.ErrNotFound, http.StatusNotFound},
	{errNoRoute, http.StatusNotFound},
	{errNoOriginal, http.StatusNotFound},
	{errBadMethod, http.StatusMethodNotAllowed},
	{errOrigin, http.StatusForbidden},
	{errUnsupported, http.StatusNotImplemented}, // decisions.go
	// Writes and access (documents.go, auth.go).
	{errUnauthorized, http.StatusUnauthorized},
	{errWritesDisabled, http.StatusForbidden},
	{errNoWriter, http.StatusMethodNotAllowed},
	{errUploadTooLong, http.StatusRequestEntityTooLarge},
	{errBadUpload, http.StatusBadRequest},
}

// internalMessage is all a client learns of a 500: the cause may name
// files or internals, and it is in the log under the request id.
const internalMessage = "internal error; the server log has the details"

// statusOf returns the status for err and the message to show for it.
func statusOf(err error) (int, string) {
	for _, s := range statuses {
		if errors.Is(err, s.err) {
			return s.status, err.Error()
		}
	}
	return http.StatusInternalServerError, internalMessage
}

// paramError is a request parameter that cannot be used. Its message
// names the parameter and says what would work; sv says it in Swedish,
// for the pages.
type paramError struct {
	param string
	msg   string
	sv    string
}

func (e *paramError) Error() string        { return fmt.Sprintf("parameter %s: %s", e.param, e.msg) }
func (e *paramError) Is(target error) bool { return target == errBadParam }

// badParam is a paramError; format and args make the API's message.
func badParam(param, sv, format string, args ...any) error {
	return &paramError{param: param, msg: fmt.Sprintf(format, args...), sv: sv}
}

// pageMessage is what a page says of an error the user can correct: in
// Swedish where the server wrote the message, and for a query the index
// could not read, a Swedish lead before the index's own words.
func pageMessage(err error) string {
	var pe *paramError
	if errors.As(err, &pe) {
		return pe.sv
	}
	_, msg := statusOf(err)
	if errors.Is(err, index.ErrBadQuery) {
		return "Sökfrågan går inte att läsa. Se till att citattecken är parvisa och att OR och prefix som talare: har ett ord efter sig. (" + msg + ")"
	}
	return msg
}
