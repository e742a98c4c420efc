package loadtest

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"time"
)

// Operation names, in the order the report lists them.
const (
	opSave        = "save"
	opList        = "list"
	opSuggestions = "suggestions"
	opHistory     = "history"
	opXLIFF       = "xliff export"
	opSignInForm  = "sign-in form"
	opSignIn      = "sign-in"
)

var opOrder = []string{opSave, opList, opSuggestions, opHistory, opXLIFF, opSignInForm, opSignIn}

// samples are one client's measurements of one operation.
type samples struct {
	took      []time.Duration
	errors    int
	throttled int
	firstErr  string
}

// recorder is one client's measurements; clients never share one, so
// recording takes no lock.
type recorder map[string]*samples

func (r recorder) add(op string, took time.Duration, err error) {
	s := r[op]
	if s == nil {
		s = &samples{}
		r[op] = s
	}
	switch {
	case err == errThrottled:
		s.throttled++
	case err != nil:
		s.errors++
		if s.firstErr == "" {
			s.firstErr = err.Error()
		}
	default:
		s.took = append(s.took, took)
	}
}

// OpStats sums up one operation of a phase. Latencies are of the
// successful requests.
type OpStats struct {
	Name      string
	Count     int // successful requests
	Errors    int
	Throttled int // sign-ins answered 429 (the service asked to wait)
	PerSecond float64
	P50, P99  time.Duration
	Max       time.Duration
	FirstErr  string
}

// PhaseResult is what one phase measured.
type PhaseResult struct {
	Phase   Phase
	Elapsed time.Duration
	Ops     []OpStats
	// ServiceCPU and ToolCPU are the CPU time the service (when the tool
	// started it) and the tool used during the phase; zero when unknown.
	ServiceCPU, ToolCPU time.Duration
	// Stall is how long some task on the machine waited for a CPU during
	// the phase (Linux PSI); zero when unknown.
	Stall time.Duration
}

// Op returns the stats of one operation (zero when the phase had none).
func (p PhaseResult) Op(name string) OpStats {
	for _, o := range p.Ops {
		if o.Name == name {
			return o
		}
	}
	return OpStats{Name: name}
}

// Errors counts the failed requests of a phase.
func (p PhaseResult) Errors() int {
	n := 0
	for _, o := range p.Ops {
		n += o.Errors
	}
	return n
}

func summarize(p Phase, elapsed time.Duration, recs []recorder) PhaseResult {
	out := PhaseResult{Phase: p, Elapsed: elapsed}
	for _, op := range opOrder {
		var all samples
		seen := false
		for _, r := range recs {
			s := r[op]
			if s == nil {
				continue
			}
			seen = true
			all.took = append(all.took, s.took...)
			all.errors += s.errors
			all.throttled += s.throttled
			if all.firstErr == "" {
				all.firstErr = s.firstErr
			}
		}
		if !seen {
			continue
		}
		slices.Sort(all.took)
		st := OpStats{Name: op, Count: len(all.took), Errors: all.errors, Throttled: all.throttled, FirstErr: all.firstErr,
			P50: quantile(all.took, 0.50), P99: quantile(all.took, 0.99)}
		if n := len(all.took); n > 0 {
			st.Max = all.took[n-1]
		}
		if elapsed > 0 {
			st.PerSecond = float64(st.Count) / elapsed.Seconds()
		}
		out.Ops = append(out.Ops, st)
	}
	return out
}

// quantile is the nearest-rank q-quantile of sorted durations.
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := sort.Search(len(sorted), func(i int) bool { return float64(i+1) >= q*float64(len(sorted)) })
	return sorted[min(i, len(sorted)-1)]
}

func (p PhaseResult) print(w io.Writer) {
	fmt.Fprintf(w, "\nphase %s (%d writers, %d readers, %d signing in), %.1fs\n", p.Phase, p.Phase.Writers, p.Phase.Readers,
		p.Phase.SignIns, p.Elapsed.Seconds())
	fmt.Fprintf(w, "  %-13s %9s %9s %9s %9s %9s %7s\n", "operation", "requests", "per s", "p50", "p99", "max", "errors")
	for _, o := range p.Ops {
		fmt.Fprintf(w, "  %-13s %9d %9.1f %9s %9s %9s %7d", o.Name, o.Count, o.PerSecond, ms(o.P50), ms(o.P99), ms(o.Max), o.Errors)
		if o.Throttled > 0 {
			fmt.Fprintf(w, "  (%d throttled)", o.Throttled)
		}
		fmt.Fprintln(w)
		if o.FirstErr != "" {
			fmt.Fprintf(w, "      first error: %s\n", o.FirstErr)
		}
	}
	n := 0
	for _, o := range p.Ops {
		n += o.Count + o.Errors + o.Throttled
	}
	if p.ServiceCPU > 0 && n > 0 {
		fmt.Fprintf(w, "  CPU: service %.2fs (%.0f µs a request, %.2f cores), load tool %.2fs\n", p.ServiceCPU.Seconds(),
			float64(p.ServiceCPU.Microseconds())/float64(n), p.ServiceCPU.Seconds()/p.Elapsed.Seconds(), p.ToolCPU.Seconds())
	}
	if p.Stall > 0 {
		fmt.Fprintf(w, "  machine: some task waited for a CPU %.0f%% of the phase\n", 100*p.Stall.Seconds()/p.Elapsed.Seconds())
	}
}

// ms shows a latency in milliseconds with a precision that suits it.
func ms(d time.Duration) string {
	f := float64(d) / float64(time.Millisecond)
	if f < 10 {
		return fmt.Sprintf("%.2fms", f)
	}
	return fmt.Sprintf("%.0fms", f)
}
