// Package metrics is Tilmash's Prometheus instrumentation: one registry per
// process (never the global default), the instruments every layer reports
// to, and the collector that reads gauges from the database at scrape time.
// It knows no HTTP framework and no SQL.
package metrics

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the process's instruments. A nil *Metrics is valid and
// records nothing, so tests and tools need not build one.
type Metrics struct {
	registry *prometheus.Registry

	httpDuration      *prometheus.HistogramVec
	translations      *prometheus.CounterVec
	conflicts         *prometheus.CounterVec
	releases          *prometheus.CounterVec
	imports           *prometheus.CounterVec
	findings          *prometheus.CounterVec
	signinFailures    prometheus.Counter
	signinThrottled   prometheus.Counter
	webhookDeliveries *prometheus.CounterVec
	tmLookup          prometheus.Histogram
	tmInexact         prometheus.Counter
}

// Gauges is what the database says at scrape time; the store implements it.
type Gauges interface {
	// SegmentStates counts the segments of current revisions by target language and state.
	SegmentStates(ctx context.Context) ([]StateCount, error)
	// MemoryEntries counts translation-memory units by target language.
	MemoryEntries(ctx context.Context) (map[string]int, error)
}

// StateCount is the number of segments of one language in one state.
type StateCount struct {
	Lang  string
	State string
	N     int
}

// New registers the Go and process collectors, Tilmash's instruments and,
// when gauges is not nil, the database gauges.
func New(gauges Gauges) *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		registry: reg,
		httpDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "tilmash_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route template, method and status class.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method", "status_class"}),
		translations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tilmash_translation_changes_total",
			Help: "Committed changes of translations, by action (edit = save, approve, reject, clear, outdate, ...) and target language.",
		}, []string{"action", "lang"}),
		conflicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tilmash_translation_conflicts_total",
			Help: "Writes of a translation refused because another version was current (409), by target language.",
		}, []string{"lang"}),
		releases: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tilmash_releases_total",
			Help: "Releases published, by language.",
		}, []string{"lang"}),
		imports: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tilmash_imports_total",
			Help: "Completed imports, by format (text, xliff, tmx, glossary).",
		}, []string{"format"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tilmash_qa_findings_total",
			Help: "Quality-check findings on saved translations, by check and severity.",
		}, []string{"check", "severity"}),
		signinFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tilmash_signin_failures_total",
			Help: "Sign-in attempts refused for a wrong name or password.",
		}),
		signinThrottled: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tilmash_signin_throttled_total",
			Help: "Sign-in attempts refused with 429 before the password was checked.",
		}),
		webhookDeliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tilmash_webhook_deliveries_total",
			Help: "Webhook delivery attempts, by outcome (delivered, retry, failed).",
		}, []string{"outcome"}),
		tmLookup: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "tilmash_tm_lookup_duration_seconds",
			Help:    "Time of one translation-memory lookup.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25},
		}),
		tmInexact: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tilmash_tm_inexact_lookups_total",
			Help: "Translation-memory lookups that stopped at their budget without proving their top matches exact.",
		}),
	}
	reg.MustRegister(m.httpDuration, m.translations, m.conflicts, m.releases, m.imports, m.findings,
		m.signinFailures, m.signinThrottled, m.webhookDeliveries, m.tmLookup, m.tmInexact)
	// Known label values start at zero, so rate() sees the first event.
	for _, o := range []string{"delivered", "retry", "failed"} {
		m.webhookDeliveries.WithLabelValues(o)
	}
	for _, f := range []string{"text", "xliff", "tmx"} {
		m.imports.WithLabelValues(f)
	}
	if gauges != nil {
		reg.MustRegister(newGaugeCollector(gauges))
	}
	return m
}

// Registry is what the /metrics handler gathers from.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

// Request records one answered HTTP request.
func (m *Metrics) Request(route, method string, status int, d time.Duration) {
	if m == nil {
		return
	}
	m.httpDuration.WithLabelValues(route, method, statusClass(status)).Observe(d.Seconds())
}

// TranslationChanged records a committed change of a translation.
func (m *Metrics) TranslationChanged(action, lang string) {
	if m != nil {
		m.translations.WithLabelValues(action, lang).Inc()
	}
}

// Conflict records a write refused because it named a stale version.
func (m *Metrics) Conflict(lang string) {
	if m != nil {
		m.conflicts.WithLabelValues(lang).Inc()
	}
}

// Released records a published release.
func (m *Metrics) Released(lang string) {
	if m != nil {
		m.releases.WithLabelValues(lang).Inc()
	}
}

// Imported records a completed import.
func (m *Metrics) Imported(format string) {
	if m != nil {
		m.imports.WithLabelValues(format).Inc()
	}
}

// Finding records one quality-check finding on a saved text.
func (m *Metrics) Finding(check, severity string) {
	if m != nil {
		m.findings.WithLabelValues(check, severity).Inc()
	}
}

// SigninFailed records a wrong name or password.
func (m *Metrics) SigninFailed() {
	if m != nil {
		m.signinFailures.Inc()
	}
}

// SigninThrottled records an attempt refused before the password check.
func (m *Metrics) SigninThrottled() {
	if m != nil {
		m.signinThrottled.Inc()
	}
}

// WebhookAttempt records one delivery attempt: "delivered", "retry" or "failed".
func (m *Metrics) WebhookAttempt(outcome string) {
	if m != nil {
		m.webhookDeliveries.WithLabelValues(outcome).Inc()
	}
}

// TMLookup records one translation-memory lookup and whether it proved its answer exact.
func (m *Metrics) TMLookup(d time.Duration, exact bool) {
	if m == nil {
		return
	}
	m.tmLookup.Observe(d.Seconds())
	if !exact {
		m.tmInexact.Inc()
	}
}

func statusClass(status int) string {
	switch {
	case status >= 500:
		return "5xx"
	case status >= 400:
		return "4xx"
	case status >= 300:
		return "3xx"
	case status >= 200:
		return "2xx"
	}
	return "1xx"
}

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}
