package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestCORSOriginFlag: the flag may repeat and hold commas; it replaces the
// environment's list, which is the default; bad origins are refused.
func TestCORSOriginFlag(t *testing.T) {
	tests := []struct {
		env  string
		args []string
		want []string
		bad  bool
	}{
		{"", nil, nil, false},
		{"https://a.example.se, https://b.example.se", nil, []string{"https://a.example.se", "https://b.example.se"}, false},
		{"https://a.example.se", []string{"--cors-origin", "https://c.example.se", "--cors-origin=http://d.example.se:8081,https://e.example.se"},
			[]string{"https://c.example.se", "http://d.example.se:8081", "https://e.example.se"}, false},
		{"", []string{"--cors-origin", "intranat.example.se"}, nil, true},
		{"https://a.example.se/sok", nil, nil, true},
	}
	for _, tt := range tests {
		a := testApp(io.Discard, io.Discard, map[string]string{envCORSOrigins: tt.env})
		fs := flagSet("serve")
		o, err := a.corsFlag(fs)
		if err == nil {
			err = fs.Parse(tt.args)
		}
		if (err != nil) != tt.bad {
			t.Errorf("env %q args %q: error %v", tt.env, tt.args, err)
			continue
		}
		if !tt.bad && !reflect.DeepEqual(o.origins, tt.want) {
			t.Errorf("env %q args %q: origins %q, want %q", tt.env, tt.args, o.origins, tt.want)
		}
	}
}

// TestServeCORS serves with an allowed origin from the environment and
// checks that the API answers it and refuses another.
func TestServeCORS(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	a := testApp(io.Discard, io.Discard, map[string]string{envCORSOrigins: "https://intranat.example.se"})
	addrc := make(chan net.Addr, 1)
	a.ready = func(addr net.Addr) { addrc <- addr }
	errc := make(chan error, 1)
	go func() {
		errc <- a.run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--index", filepath.Join(t.TempDir(), "index")})
	}()
	var base string
	select {
	case addr := <-addrc:
		base = "http://" + addr.String()
	case err := <-errc:
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not listen")
	}
	for origin, want := range map[string]int{"https://intranat.example.se": 200, "https://annan.example.se": 403} {
		req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/search?q=MiniMaria", nil)
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("origin %s: %d, want %d", origin, resp.StatusCode, want)
		}
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("serve: %v", err)
	}
}
