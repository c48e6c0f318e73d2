package main

import (
	"io"
	"path/filepath"
	"testing"
)

// TestFlagEnvDefault: a flag wins over its environment variable, which
// wins over the default.
func TestFlagEnvDefault(t *testing.T) {
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"HOME": "/home/a"}, nil, filepath.FromSlash("/home/a/.local/share/motesarkiv/index")},
		{map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "/data"}, nil, filepath.FromSlash("/data/motesarkiv/index")},
		{map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "relative"}, nil, filepath.FromSlash("/home/a/.local/share/motesarkiv/index")},
		{map[string]string{}, nil, ""},
		{map[string]string{"HOME": "/home/a", envIndex: "env"}, nil, "env"},
		{map[string]string{envIndex: "env"}, []string{"--index", "flag"}, "flag"},
		{map[string]string{envIndex: "env"}, []string{"-index=flag"}, "flag"},
	}
	for _, tt := range tests {
		a := testApp(io.Discard, io.Discard, tt.env)
		fs := flagSet("test")
		dir := a.indexFlag(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		if *dir != tt.want {
			t.Errorf("env %v args %q: index %q, want %q", tt.env, tt.args, *dir, tt.want)
		}
	}
}

func TestAddrAndLogLevelFromEnv(t *testing.T) {
	a := testApp(io.Discard, io.Discard, map[string]string{envAddr: "127.0.0.1:9999", envLogLevel: "debug"})
	fs := flagSet("serve")
	addr, level := a.addrFlag(fs), a.logLevelFlag(fs)
	if err := fs.Parse([]string{"--log-level", "warn"}); err != nil {
		t.Fatal(err)
	}
	if *addr != "127.0.0.1:9999" || *level != "warn" {
		t.Errorf("addr %q level %q", *addr, *level)
	}
}
