// Package loadtest drives a running Tilmash service over its HTTP API the way
// a busy team does: translators saving their own segments, readers opening
// lists, suggestions, history and XLIFF exports, people signing in. It
// measures throughput and latency per operation and then checks that every
// save the service acknowledged is in the history. It is a client only: it
// imports no server or store code, and it talks to loopback addresses only.
package loadtest

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"
)

// Phase is one step of a run: how many of each kind of client work at once.
type Phase struct {
	Writers int // translators saving their own segments
	Readers int // people opening lists, suggestions, history and XLIFF exports
	SignIns int // people signing in through the browser form
}

// String is the phase in the notation ParsePhases reads: "w16+r16", "s4".
func (p Phase) String() string {
	var parts []string
	for _, x := range []struct {
		n      int
		prefix string
	}{{p.Writers, "w"}, {p.Readers, "r"}, {p.SignIns, "s"}} {
		if x.n > 0 {
			parts = append(parts, x.prefix+strconv.Itoa(x.n))
		}
	}
	return strings.Join(parts, "+")
}

// MaxClients bounds the clients of one kind in a phase, so a typo cannot
// open thousands of connections.
const MaxClients = 256

// ParsePhases reads a comma-separated list of phases, each a "+"-joined set
// of w<writers>, r<readers> and s<sign-ins>: "w1,w16,w16+r16,s4".
func ParsePhases(spec string) ([]Phase, error) {
	var out []Phase
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		var p Phase
		for _, part := range strings.Split(item, "+") {
			if len(part) < 2 {
				return nil, fmt.Errorf("phase %q: %q is not w<N>, r<N> or s<N>", item, part)
			}
			n, err := strconv.Atoi(part[1:])
			if err != nil || n < 1 || n > MaxClients {
				return nil, fmt.Errorf("phase %q: %q needs a count from 1 to %d", item, part, MaxClients)
			}
			var dst *int
			switch part[0] {
			case 'w':
				dst = &p.Writers
			case 'r':
				dst = &p.Readers
			case 's':
				dst = &p.SignIns
			default:
				return nil, fmt.Errorf("phase %q: %q is not w<N>, r<N> or s<N>", item, part)
			}
			if *dst != 0 {
				return nil, fmt.Errorf("phase %q names %c twice", item, part[0])
			}
			*dst = n
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, errors.New("no phases given")
	}
	return out, nil
}

// Config is one run of the load tool.
type Config struct {
	// Exe is the tilmash binary: it runs `serve` (when Addr is empty) and
	// `user add` for the users of the run.
	Exe string
	// Addr is host:port of a running service; empty starts `Exe serve` on
	// 127.0.0.1:0 with a database in a temporary directory.
	Addr string
	// DB is the database of the service at Addr, or of the services the
	// tool starts (empty: a SQLite file in a temporary directory); users are
	// added to it with `Exe user add`, as an operator would. A postgres://
	// URL names a database the run may fill with its users and documents.
	DB string
	// Replicas is how many services the tool starts on DB (default 1); more
	// than one needs a PostgreSQL DB. Client i talks to replica i mod
	// Replicas, as a load balancer spreading connections would.
	Replicas int
	// ServeArgs are extra flags for a started service ("--sqlite-sync", "normal").
	ServeArgs []string
	// Phases run one after another, each on the same document.
	Phases []Phase
	// Duration bounds each phase; Requests bounds the requests of each phase.
	Duration time.Duration
	Requests int
	// Segments is the size of the document the writers and readers share.
	Segments int
	// Lang is the target language written and read.
	Lang string
	// Out receives the report; ServerLog, when set, a started service's log.
	Out       io.Writer
	ServerLog io.Writer
}

// Defaults fill what a Config leaves zero.
const (
	DefaultPhases   = "w1,w16,w64,r1,r16,r64,w16+r16"
	DefaultDuration = 5 * time.Second
	DefaultRequests = 200000
	DefaultSegments = 200
	DefaultLang     = "kk"
	// maxDuration and maxRequests keep a run bounded whatever it is given.
	maxDuration = 10 * time.Minute
	maxRequests = 10_000_000
	maxSegments = 5000
	maxReplicas = 8
)

// IsPostgres reports whether db is a PostgreSQL URL rather than a file path.
func IsPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

func (c *Config) check() error {
	if c.Exe == "" {
		return errors.New("no tilmash binary to run (Exe)")
	}
	if c.Addr != "" {
		if err := CheckLoopback(c.Addr); err != nil {
			return err
		}
		if c.DB == "" {
			return errors.New("a running service needs its database file too (--db), to add the run's users")
		}
	}
	switch {
	case c.Replicas <= 0:
		c.Replicas = 1
	case c.Replicas > maxReplicas:
		return fmt.Errorf("at most %d replicas", maxReplicas)
	case c.Replicas > 1 && c.Addr != "":
		return errors.New("replicas are services the tool starts: not with a running service (Addr)")
	case c.Replicas > 1 && !IsPostgres(c.DB):
		return errors.New("several replicas share one PostgreSQL database: give a postgres:// URL as the database")
	}
	if len(c.Phases) == 0 {
		c.Phases, _ = ParsePhases(DefaultPhases)
	}
	if c.Duration <= 0 {
		c.Duration = DefaultDuration
	}
	if c.Duration > maxDuration {
		return fmt.Errorf("a phase lasts at most %s", maxDuration)
	}
	if c.Requests <= 0 {
		c.Requests = DefaultRequests
	}
	if c.Requests > maxRequests {
		return fmt.Errorf("a phase makes at most %d requests", maxRequests)
	}
	if c.Segments <= 0 {
		c.Segments = DefaultSegments
	}
	if c.Segments > maxSegments {
		return fmt.Errorf("the document has at most %d segments", maxSegments)
	}
	if c.Lang == "" {
		c.Lang = DefaultLang
	}
	if c.Out == nil {
		c.Out = io.Discard
	}
	return nil
}

// CheckLoopback refuses any address whose host is not a loopback IP
// (127.0.0.0/8 or ::1): the tool makes many requests and writes data, and
// must never be pointed at somebody else's service. Host names are refused
// too, so no resolver can send it elsewhere.
func CheckLoopback(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("address %q: bad port", addr)
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("address %q: the load tool only talks to loopback addresses (127.0.0.0/8 or [::1])", addr)
	}
	return nil
}
