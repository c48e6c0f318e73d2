package server

import (
	_ "embed"
	"net/http"
)

// openAPISpec describes the HTTP API in OpenAPI 3. It is written by hand;
// openapi_test.go checks that it describes every route of the router and
// that every path it describes answers.
//
//go:embed openapi.json
var openAPISpec []byte

// openAPI answers GET /api/v1/openapi.json.
func openAPI(w http.ResponseWriter, _ *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPISpec)
	return err
}
