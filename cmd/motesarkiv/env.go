package main

import (
	"flag"
	"path/filepath"
	"strconv"
	"time"

	"motesarkiv/ingest"
)

// Environment variables: every flag has one. A flag on the command line
// wins over its variable, and the variable over the default.
const (
	envIndex    = "MOTESARKIV_INDEX"
	envAddr     = "MOTESARKIV_ADDR"
	envLogLevel = "MOTESARKIV_LOG_LEVEL"
	envRegion   = "MOTESARKIV_REGION"
	envOrg      = "MOTESARKIV_ORGANISATION"
	envDate     = "MOTESARKIV_DATE"
	envMaxSize  = "MOTESARKIV_MAX_SIZE"
)

// Defaults of the flags that have one.
const (
	defaultAddr     = ":8080"
	defaultLogLevel = "info"
)

// env returns the variable's value, or def when it is unset or empty.
func (a *app) env(name, def string) string {
	if v := a.getenv(name); v != "" {
		return v
	}
	return def
}

// defaultIndexDir follows the XDG base directory convention, so that the
// index does not depend on the folder a command happens to run in:
// $XDG_DATA_HOME/motesarkiv/index, else ~/.local/share/motesarkiv/index.
// It is "" when neither variable is set.
func (a *app) defaultIndexDir() string {
	if d := a.getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "motesarkiv", "index")
	}
	if h := a.getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "motesarkiv", "index")
	}
	return ""
}

func (a *app) indexFlag(fs *flag.FlagSet) *string {
	return fs.String("index", a.env(envIndex, a.defaultIndexDir()), "")
}

func (a *app) regionFlag(fs *flag.FlagSet) *string {
	return fs.String("region", a.env(envRegion, ""), "")
}

// organisationFlag is --region by the name the archive's users give it:
// the municipality or region whose organ met ("Göteborgs Stad").
func (a *app) organisationFlag(fs *flag.FlagSet) *string {
	return fs.String("organisation", a.env(envOrg, ""), "")
}

func (a *app) dateFlag(fs *flag.FlagSet) *string {
	return fs.String("date", a.env(envDate, ""), "")
}

// maxSizeFlag is the largest file read, in MB.
func (a *app) maxSizeFlag(fs *flag.FlagSet) *int {
	n, err := strconv.Atoi(a.env(envMaxSize, strconv.Itoa(ingest.DefaultMaxSize>>20)))
	if err != nil {
		n = -1 // reported by ingestOptions as a size that is not above 0
	}
	return fs.Int("max-size", n, "")
}

// isDate reports a date written YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func (a *app) logLevelFlag(fs *flag.FlagSet) *string {
	return fs.String("log-level", a.env(envLogLevel, defaultLogLevel), "")
}

func (a *app) addrFlag(fs *flag.FlagSet) *string {
	return fs.String("addr", a.env(envAddr, defaultAddr), "")
}
