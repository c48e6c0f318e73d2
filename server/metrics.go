package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	dto "github.com/prometheus/client_model/go"

	"motesarkiv/ingest"
)

// Metrics are the server's Prometheus series, on a registry of their
// own so that two servers in one process (tests) do not collide:
//
//	motesarkiv_http_request_duration_seconds{route,method,status}
//	motesarkiv_search_duration_seconds
//	motesarkiv_index_documents, motesarkiv_index_meetings
//	motesarkiv_ingests_total{outcome}, motesarkiv_ingest_failures_total{reason}
//	motesarkiv_removals_total
//	motesarkiv_rebuild_running, motesarkiv_rebuild_done, motesarkiv_rebuild_total
//
// plus Go's runtime and process collectors.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.HistogramVec
	search   prometheus.Histogram
	ingests  *prometheus.CounterVec
	failures *prometheus.CounterVec
	removed  prometheus.Counter
	rebuild  struct{ running, done, total prometheus.Gauge }
	// rebuildFn, when set, is read at each scrape instead (WatchRebuild).
	rebuildFn atomic.Pointer[func() (running bool, done, total int)]
}

// NewMetrics makes the series. The index gauges are read at scrape time
// from the server's index (Server.New registers them).
func NewMetrics() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "motesarkiv_http_request_duration_seconds", Help: "HTTP requests by route template, method and status.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route", "method", "status"})
	m.search = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "motesarkiv_search_duration_seconds", Help: "Searches of the index (API, pages, embed), parameters read to result.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
	})
	m.ingests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "motesarkiv_ingests_total", Help: "Files ingested while serving (upload, watched folder), by outcome.",
	}, []string{"outcome"})
	m.failures = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "motesarkiv_ingest_failures_total", Help: "Files that could not be ingested while serving, by reason.",
	}, []string{"reason"})
	m.removed = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "motesarkiv_removals_total", Help: "Meetings removed while serving.",
	})
	m.rebuild.running = prometheus.NewGauge(prometheus.GaugeOpts{})
	m.rebuild.done = prometheus.NewGauge(prometheus.GaugeOpts{})
	m.rebuild.total = prometheus.NewGauge(prometheus.GaugeOpts{})
	m.reg.MustRegister(m.requests, m.search, m.ingests, m.failures, m.removed,
		m.rebuildGauge("motesarkiv_rebuild_running", "1 while the index is being rebuilt.", 0),
		m.rebuildGauge("motesarkiv_rebuild_done", "Meetings written into the new index by the rebuild under way or the last one.", 1),
		m.rebuildGauge("motesarkiv_rebuild_total", "Meetings the rebuild under way or the last one has to write.", 2),
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, o := range []string{"added", "replaced", "unchanged"} {
		m.ingests.WithLabelValues(o) // present at 0 before the first ingest
	}
	return m
}

// SetRebuild records a rebuild's progress: running, and done of total
// meetings. The rebuild calls it as it goes; readiness reads running.
func (m *Metrics) SetRebuild(running bool, done, total int) {
	m.rebuild.running.Set(boolFloat(running))
	m.rebuild.done.Set(float64(done))
	m.rebuild.total.Set(float64(total))
}

// WatchRebuild makes the rebuild gauges read fn at each scrape, so that
// a rebuild need not report to the metrics itself.
func (m *Metrics) WatchRebuild(fn func() (running bool, done, total int)) {
	m.rebuildFn.Store(&fn)
}

// rebuildGauge is the rebuild's field i (running, done, total) as a
// gauge, from WatchRebuild's function when there is one.
func (m *Metrics) rebuildGauge(name, help string, i int) prometheus.GaugeFunc {
	set := []prometheus.Gauge{m.rebuild.running, m.rebuild.done, m.rebuild.total}
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 {
		fn := m.rebuildFn.Load()
		if fn == nil {
			return gaugeValue(set[i])
		}
		running, done, total := (*fn)()
		return [...]float64{boolFloat(running), float64(done), float64(total)}[i]
	})
}

func boolFloat(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// gaugeValue reads a gauge set by SetRebuild.
func gaugeValue(g prometheus.Gauge) float64 {
	var d dto.Metric
	if err := g.Write(&d); err != nil {
		return 0
	}
	return d.GetGauge().GetValue()
}

// CountIngest counts the outcomes and failures of one ingest.
func (m *Metrics) CountIngest(results []FileResult) {
	for _, r := range results {
		if r.Err != nil {
			m.failures.WithLabelValues(failureReason(r.Err)).Inc()
			continue
		}
		m.ingests.WithLabelValues(r.Outcome.String()).Inc()
	}
}

// failureReason is a bounded label: ingest's reasons ("file too large",
// "parse", …) and "index" for everything else.
func failureReason(err error) string {
	var fe *ingest.FileError
	if errors.As(err, &fe) && len(fe.Reason) <= 32 {
		return fe.Reason
	}
	return "index"
}

// registerIndex adds the gauges read from the index at scrape time.
func (m *Metrics) registerIndex(ix Index) {
	_ = m.reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{ // a second server on the same Metrics keeps the first gauges
		Name: "motesarkiv_index_meetings", Help: "Meetings in the index.",
	}, func() float64 {
		n, err := ix.MeetingCount()
		if err != nil {
			return -1
		}
		return float64(n)
	}))
	dc, ok := ix.(interface{ DocCount() (uint64, error) })
	if !ok {
		return
	}
	_ = m.reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{ // a second server on the same Metrics keeps the first gauges
		Name: "motesarkiv_index_documents", Help: "Documents in the index: each meeting and each of its items.",
	}, func() float64 {
		n, err := dc.DocCount()
		if err != nil {
			return -1
		}
		return float64(n)
	}))
}

// handler serves the registry in Prometheus' text format.
func (m *Metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// observeSearch records a search begun at start.
func (m *Metrics) observeSearch(start time.Time) {
	m.search.Observe(time.Since(start).Seconds())
}

// routeKey carries a request's route template from the router (which
// knows it) out to instrument (which records it).
type routeKey struct{}

// setRoute records the route template of the request; routes.go calls
// it from inside the router.
func setRoute(r *http.Request, tmpl string) {
	if p, ok := r.Context().Value(routeKey{}).(*string); ok {
		*p = tmpl
	}
}

// instrument times every request by route, method and status. Requests
// that match no route count as route "other", so that a scan of random
// paths cannot make a series per path.
func (m *Metrics) instrument(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		route := "other"
		r = r.WithContext(context.WithValue(r.Context(), routeKey{}, &route))
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		m.requests.WithLabelValues(route, methodLabel(r.Method), strconv.Itoa(sw.status)).Observe(time.Since(start).Seconds())
	})
}

// methodLabel keeps the method label to the methods the server answers.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}

// statusWriter remembers the status written. Unwrap lets
// http.ResponseController reach the connection (flushes of the streamed
// mention lists).
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
