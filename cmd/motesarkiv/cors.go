package main

import (
	"flag"
	"strings"

	"motesarkiv/server"
)

// envCORSOrigins lists, comma-separated, the origins whose pages may use
// the archive from a script or a frame (serve --cors-origin).
const envCORSOrigins = "MOTESARKIV_CORS_ORIGINS"

// originList is the value of --cors-origin: it may be given several
// times, each time with one origin or several separated by commas. The
// environment variable's origins are the default, which the first
// --cors-origin on the command line replaces.
type originList struct {
	origins []string
	fromEnv bool
}

func (o *originList) String() string { return strings.Join(o.origins, ",") }

func (o *originList) Set(s string) error {
	if o.fromEnv {
		o.origins, o.fromEnv = nil, false
	}
	return o.add(s)
}

// add checks and appends the comma-separated origins in s.
func (o *originList) add(s string) error {
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		origin, err := server.ParseOrigin(part)
		if err != nil {
			return err
		}
		o.origins = append(o.origins, origin)
	}
	return nil
}

// corsFlag registers --cors-origin. A bad origin in the environment is
// reported when the flags are parsed, as a bad flag is.
func (a *app) corsFlag(fs *flag.FlagSet) (*originList, error) {
	o := &originList{}
	err := o.add(a.env(envCORSOrigins, ""))
	o.fromEnv = true
	fs.Var(o, "cors-origin", "")
	return o, err
}
