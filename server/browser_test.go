package server

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tests in this file drive a real browser, Debian's chromium, over
// pages served by httptest from a real index of the seed minutes. They
// are skipped under -short and when no browser is installed.

var updateScreenshots = flag.Bool("update-screenshots", false, "write docs/screenshots/*.png anew")

// screenshotDir is where the README's screenshots live.
const screenshotDir = "../docs/screenshots"

// Each step of a browser test gets this long; the whole browser lives as
// long as the test.
const stepTimeout = 20 * time.Second

// chromiumPath finds the browser: $MOTESARKIV_CHROMIUM, else the names
// Debian and others install it under.
func chromiumPath() string {
	if p := os.Getenv("MOTESARKIV_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is one browser tab and what it has seen go wrong.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu         sync.Mutex
	exceptions []string
}

// needBrowser skips the test under -short or without a browser, before
// the test spends time on an index; it returns the browser's path.
func needBrowser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped under -short")
	}
	path := chromiumPath()
	if path == "" {
		t.Skip("browser test: no chromium found; install it with `apt-get install chromium` (or set MOTESARKIV_CHROMIUM)")
	}
	return path
}

// newTab starts a fresh headless chromium with a profile of its own and
// opens a tab in it.
func newTab(t *testing.T, width, height int) *tab {
	t.Helper()
	path := needBrowser(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "sv-SE"), // a Swedish browser, as the users have
		chromedp.Env("LANG=sv_SE.UTF-8", "LANGUAGE=sv"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // chromium refuses to run as root with its sandbox
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	tb := &tab{t: t, ctx: ctx}
	// The first Do starts the browser; it must not run under a timeout,
	// which would end the browser with it.
	if err := chromedp.Do(ctx, tb.watch()); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	go tb.collectExceptions()
	return tb
}

// watch makes every page record Content-Security-Policy violations, which
// a page of ours must never cause, and sets a Swedish locale, as the
// users' browsers have (date fields read ÅÅÅÅ-MM-DD).
func (tb *tab) watch() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "sv_SE"}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `document.addEventListener("securitypolicyviolation",
				(e) => (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI));`,
		})
		return err
	})
}

func (tb *tab) collectExceptions() {
	for ev, err := range chromedp.Events(tb.ctx, runtime.ExceptionThrown) {
		if err != nil {
			return
		}
		tb.mu.Lock()
		tb.exceptions = append(tb.exceptions, ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.Exception))
		tb.mu.Unlock()
	}
}

// do runs steps with a timeout, failing the test on an error.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls until the expression is true, failing with what after
// stepTimeout.
func (tb *tab) waitFor(what, expr string) {
	tb.t.Helper()
	tb.do(what, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(stepTimeout)))
}

// navigates runs an action that loads a new page and waits for its load.
func (tb *tab) navigates(what string, trigger chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, trigger)); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

func (tb *tab) open(u string) {
	tb.t.Helper()
	tb.navigates("open "+u, chromedp.Navigate(u))
}

// clean fails the test if the page has thrown or broken its policy.
func (tb *tab) clean(where string) {
	tb.t.Helper()
	if v := eval[[]string](tb, `window.__csp || []`); len(v) > 0 {
		tb.t.Errorf("%s: Content-Security-Policy violations %q", where, v)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.exceptions) > 0 {
		tb.t.Errorf("%s: script errors %q", where, tb.exceptions)
		tb.exceptions = nil
	}
}

// screenshot saves the viewport as docs/screenshots/name.png, but only
// when asked to (-update-screenshots) or when the file is missing, so
// that a test run does not change the tree.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	path := filepath.Join(screenshotDir, name+".png")
	if _, err := os.Stat(path); err == nil && !*updateScreenshots {
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("wrote %s", path)
}

// serveArchive serves the archive over the seeds on 127.0.0.1, allowing
// the origins given.
func serveArchive(t *testing.T, origins ...string) *httptest.Server {
	t.Helper()
	h := New(Config{Index: newTestIndex(t), CORSOrigins: origins, Logger: testLogger(t)}).Handler()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// hitKeysJS lists the hits on a search page as their permalinks.
const hitKeysJS = `[...document.querySelectorAll("li.traff .permalank a")].map((a) => a.getAttribute("href"))`

// TestBrowserSearch is the walk through the search page: type
// the phrase with its quotes, see five hits with marked words, tick 2026
// and see three, open a hit's permalink and land on the item's anchor.
func TestBrowserSearch(t *testing.T) {
	needBrowser(t)
	ts := serveArchive(t)
	tb := newTab(t, 1280, 1000)
	tb.open(ts.URL + "/")
	tb.do("type the phrase", chromedp.SendKeys(chromedp.ID("q"), `"God och Nära vård"`))
	tb.navigates("send the search", chromedp.SendKeys(chromedp.ID("q"), "\r"))

	if got := eval[string](tb, `document.getElementById("antal").textContent`); !strings.HasPrefix(got, "5 träffar") {
		t.Fatalf("count %q, want 5 träffar", got)
	}
	if n := eval[int](tb, `[...document.querySelectorAll("li.traff")].filter((li) => li.querySelector("mark")).length`); n != 5 {
		t.Errorf("%d hits with marked words, want 5", n)
	}
	tb.clean("search page")
	tb.screenshot("search")

	tb.navigates("tick 2026", chromedp.Click(chromedp.CSS(`input[name="year"][value="2026"]`)))
	if got := eval[string](tb, `document.getElementById("antal").textContent`); !strings.HasPrefix(got, "3 träffar") {
		t.Errorf("after ticking 2026: %q, want 3 träffar", got)
	}
	if u := eval[string](tb, `location.search`); !strings.Contains(u, "year=2026") {
		t.Errorf("the URL %q does not hold the year", u)
	}
	// The box keeps the focus across the reload, visibly.
	if id := eval[string](tb, `document.activeElement.id`); !strings.HasPrefix(id, "f-year-") {
		t.Errorf("focus on %q after ticking, want the year box", id)
	}
	if style := eval[string](tb, `getComputedStyle(document.activeElement).outlineStyle`); style == "none" {
		t.Error("the focused box shows no outline")
	}

	href := eval[string](tb, `document.querySelector("li.traff .permalank a").getAttribute("href")`)
	tb.navigates("open the permalink", chromedp.Click(chromedp.CSS("li.traff .permalank a")))
	_, fragment, _ := strings.Cut(href, "#")
	if got := eval[string](tb, `location.pathname + location.hash`); got != href {
		t.Errorf("landed on %s, want %s", got, href)
	}
	if got := eval[string](tb, `document.querySelector(":target")?.id ?? ""`); got != fragment {
		t.Errorf(":target is %q, want %q", got, fragment)
	}
	if top := eval[float64](tb, `document.getElementById(location.hash.slice(1)).getBoundingClientRect().top`); top < 0 || top > 100 {
		t.Errorf("the item is %.0fpx from the top of the window, want it at the top", top)
	}
	tb.clean("meeting page")

	// The hit's title opens the meeting with the search's words marked.
	tb.open(ts.URL + "/?" + phrase)
	link := eval[string](tb, `document.querySelector("li.traff .traff-rubrik a").getAttribute("href")`)
	tb.navigates("open the hit", chromedp.Click(chromedp.CSS("li.traff .traff-rubrik a")))
	if n := eval[int](tb, `document.querySelectorAll(":target mark").length`); n == 0 {
		t.Errorf("%s: no marked words in the item", link)
	}
	tb.clean("marked meeting page")
	tb.screenshot("meeting")
}

// TestBrowserWithoutScript: with JavaScript off the same search gives the
// same hits, and the filter boxes work through the Filtrera button.
func TestBrowserWithoutScript(t *testing.T) {
	needBrowser(t)
	ts := serveArchive(t)
	tb := newTab(t, 1280, 900)
	tb.open(ts.URL + "/?" + phrase)
	withScript := eval[[]string](tb, hitKeysJS)

	tb.do("turn scripts off", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	tb.open(ts.URL + "/")
	tb.do("type the phrase", chromedp.SendKeys(chromedp.ID("q"), `"God och Nära vård"`))
	tb.navigates("click Sök", chromedp.Click(chromedp.CSS(`#sok button[type="submit"]`)))
	// Evaluate works with scripts off: it is the test's, not the page's.
	without := eval[[]string](tb, hitKeysJS)
	if len(without) != 5 || strings.Join(without, " ") != strings.Join(withScript, " ") {
		t.Errorf("without script %q\nwith script    %q", without, withScript)
	}
	tb.do("tick 2026", chromedp.Click(chromedp.CSS(`input[name="year"][value="2026"]`)))
	tb.navigates("click Filtrera", chromedp.Click(chromedp.CSS(`button.filtrera`)))
	if n := len(eval[[]string](tb, hitKeysJS)); n != 3 {
		t.Errorf("%d hits after ticking 2026 without script, want 3", n)
	}
}

// TestBrowserSuggestions: typing offers completions from the index, and
// the keyboard chooses one.
func TestBrowserSuggestions(t *testing.T) {
	needBrowser(t)
	ts := serveArchive(t)
	tb := newTab(t, 1280, 900)
	tb.open(ts.URL + "/")
	tb.do("type", chromedp.SendKeys(chromedp.ID("q"), "minim"))
	tb.waitFor("suggestions", `!document.getElementById("forslag")?.hidden && document.querySelectorAll("#forslag [role=option]").length > 0`)
	if got := eval[string](tb, `document.querySelector("#forslag [role=option]").textContent`); !strings.Contains(got, "MiniMaria") {
		t.Errorf("first suggestion %q, want MiniMaria", got)
	}
	if got := eval[string](tb, `document.getElementById("q").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("aria-expanded %q", got)
	}
	tb.do("arrow down", chromedp.KeyEvent(kb.ArrowDown))
	if got := eval[string](tb, `document.getElementById("q").getAttribute("aria-activedescendant")`); got != "forslag-0" {
		t.Errorf("aria-activedescendant %q after arrow down", got)
	}
	tb.navigates("choose with Enter", chromedp.KeyEvent("\r"))
	if got := eval[string](tb, `new URLSearchParams(location.search).get("q")`); !strings.EqualFold(got, "minimaria") {
		t.Errorf("searched %q, want MiniMaria", got)
	}
	tb.clean("suggestions")
}

// TestBrowserHistogram: a bar narrows the dates to its year.
func TestBrowserHistogram(t *testing.T) {
	needBrowser(t)
	ts := serveArchive(t)
	tb := newTab(t, 1280, 900)
	tb.open(ts.URL + "/?" + phrase)
	tb.navigates("click 2026", chromedp.Click(chromedp.CSS(`a.stapel[data-from="2026-01-01"]`)))
	q := eval[string](tb, `location.search`)
	if !strings.Contains(q, "from=2026-01-01") || !strings.Contains(q, "to=2026-12-31") {
		t.Errorf("after the bar: %s", q)
	}
	if n := len(eval[[]string](tb, hitKeysJS)); n != 3 {
		t.Errorf("%d hits in 2026, want 3", n)
	}
	tb.clean("histogram")
}

// TestBrowserPhoneWidth: at a phone's width nothing is wider than the
// screen, and the hits come before the filters.
func TestBrowserPhoneWidth(t *testing.T) {
	needBrowser(t)
	ts := serveArchive(t)
	tb := newTab(t, 800, 900)
	tb.do("phone screen", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulatePortrait))
	for _, target := range []string{"/?" + phrase, "/m/" + meeting2026, "/forekomster?" + phrase, "/tidslinje?q=MiniMaria"} {
		tb.open(ts.URL + target)
		if wide := eval[int](tb, `document.documentElement.scrollWidth - innerWidth`); wide > 0 {
			t.Errorf("%s is %dpx wider than a phone", target, wide)
		}
	}
	tb.open(ts.URL + "/?" + phrase)
	if below := eval[bool](tb, `document.querySelector(".facetter").getBoundingClientRect().top > document.querySelector("ol.traffar").getBoundingClientRect().top`); !below {
		t.Error("on a phone the filters come before the hits")
	}
	tb.screenshot("search-phone")
}

// intranet serves a page of another origin that embeds the archive's
// search with one script tag and one element, under a strict policy of
// its own, as intranets have: scripts and fetches only from itself and
// the archive, no inline style.
func intranet(t *testing.T, archive *string) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/sida.css" {
			w.Header().Set("Content-Type", "text/css")
			fmt.Fprint(w, "body { font-family: sans-serif; margin: 2rem; } h1 { color: #333; }")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", fmt.Sprintf(
			"default-src 'self'; script-src 'self' %[1]s; connect-src %[1]s; style-src 'self'", *archive))
		fmt.Fprintf(w, `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Intranätet</title>
<link rel="stylesheet" href="/sida.css"></head>
<body><h1>Intranätet</h1><p>Sök i protokollen från Välfärdsrådet:</p>
<motesarkiv-sok endpoint="%s" organ="Välfärdsrådet"></motesarkiv-sok>
<script src="%s/embed.js" defer></script></body></html>`, *archive, *archive)
	}))
	t.Cleanup(ts.Close)
	return ts
}

const shadow = `document.querySelector("motesarkiv-sok").shadowRoot`

// TestBrowserEmbed: a page of an allowed origin that includes /embed.js
// shows results; a page of another origin gets none.
func TestBrowserEmbed(t *testing.T) {
	needBrowser(t)
	var archiveURL string
	allowed, refused := intranet(t, &archiveURL), intranet(t, &archiveURL)
	archive := serveArchive(t, allowed.URL)
	archiveURL = archive.URL

	tb := newTab(t, 900, 700)
	tb.open(allowed.URL + "/")
	search := func() {
		tb.waitFor("the widget", `customElements.get("motesarkiv-sok") && `+shadow)
		tb.do("type in the widget", chromedp.SendKeys(chromedp.JSPath(shadow+`.getElementById("q")`), `"God och Nära vård"`+"\r"))
		tb.waitFor("the widget's answer", shadow+`.querySelector(".status").textContent.trim() && !`+shadow+`.querySelector(".status").textContent.startsWith("Söker")`)
	}
	search()
	links := eval[[]string](tb, `[...`+shadow+`.querySelectorAll("ol a")].map((a) => a.href)`)
	if len(links) != 5 {
		t.Fatalf("the widget shows %d hits, want 5", len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l, archive.URL+"/m/") {
			t.Errorf("hit links to %s, not back to the archive", l)
		}
	}
	if n := eval[int](tb, shadow+`.querySelectorAll("ol mark").length`); n == 0 {
		t.Error("no marked words in the widget")
	}
	tb.do("arrow down into the hits", chromedp.KeyEvent(kb.ArrowDown))
	if got := eval[string](tb, shadow+`.activeElement?.href ?? ""`); got != links[0] {
		t.Errorf("arrow down focused %q, want the first hit", got)
	}
	tb.clean("allowed intranet")
	tb.screenshot("embed")

	tb.open(refused.URL + "/")
	search()
	if n := eval[int](tb, shadow+`.querySelectorAll("ol li").length`); n != 0 {
		t.Errorf("a page of an origin not allowed shows %d hits", n)
	}
	if msg := eval[string](tb, shadow+`.querySelector(".status").textContent`); !strings.Contains(msg, "kunde inte nås") {
		t.Errorf("the refused widget says %q", msg)
	}
}
