package main

import (
	"flag"
	"path/filepath"
)

// Environment variables: every flag has one. A flag on the command line
// wins over its variable, and the variable over the default.
const (
	envIndex    = "MOTESARKIV_INDEX"
	envAddr     = "MOTESARKIV_ADDR"
	envLogLevel = "MOTESARKIV_LOG_LEVEL"
	envRegion   = "MOTESARKIV_REGION"
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

func (a *app) logLevelFlag(fs *flag.FlagSet) *string {
	return fs.String("log-level", a.env(envLogLevel, defaultLogLevel), "")
}

func (a *app) addrFlag(fs *flag.FlagSet) *string {
	return fs.String("addr", a.env(envAddr, defaultAddr), "")
}
