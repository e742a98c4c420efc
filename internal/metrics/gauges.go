package metrics

import (
	"context"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// gaugeTTL is how long one reading of the database serves scrapes: a
// scrape every few seconds from several Prometheus servers costs one query.
const gaugeTTL = 10 * time.Second

// gaugeCollector reads the database gauges at scrape time.
type gaugeCollector struct {
	src      Gauges
	segments *prometheus.Desc
	memory   *prometheus.Desc
	failed   *prometheus.Desc

	mu      sync.Mutex
	read    time.Time
	states  []StateCount
	entries map[string]int
	err     error
}

func newGaugeCollector(src Gauges) *gaugeCollector {
	return &gaugeCollector{src: src,
		segments: prometheus.NewDesc("tilmash_segments", "Segments of current document revisions, by target language and state.",
			[]string{"lang", "state"}, nil),
		memory: prometheus.NewDesc("tilmash_tm_entries", "Translation-memory units, by target language.",
			[]string{"lang"}, nil),
		failed: prometheus.NewDesc("tilmash_gauges_read_failed", "1 when the last reading of the database gauges failed.", nil, nil),
	}
}

func (g *gaugeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- g.segments
	ch <- g.memory
	ch <- g.failed
}

func (g *gaugeCollector) Collect(ch chan<- prometheus.Metric) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if time.Since(g.read) >= gaugeTTL {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		g.states, g.err = g.src.SegmentStates(ctx)
		if g.err == nil {
			g.entries, g.err = g.src.MemoryEntries(ctx)
		}
		cancel()
		g.read = time.Now()
	}
	failed := 0.0
	if g.err != nil {
		failed = 1
	}
	ch <- prometheus.MustNewConstMetric(g.failed, prometheus.GaugeValue, failed)
	if g.err != nil {
		return
	}
	for _, s := range g.states {
		ch <- prometheus.MustNewConstMetric(g.segments, prometheus.GaugeValue, float64(s.N), s.Lang, s.State)
	}
	for lang, n := range g.entries {
		ch <- prometheus.MustNewConstMetric(g.memory, prometheus.GaugeValue, float64(n), lang)
	}
}
