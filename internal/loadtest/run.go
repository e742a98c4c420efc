package loadtest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Result is what a run found.
type Result struct {
	Phases []PhaseResult
	// Acknowledged counts the saves the service answered 200 to; Missing
	// lists those the history does not hold with their text and version.
	Acknowledged int
	Missing      []string
}

// Failed reports whether any request failed or any acknowledged save is missing.
func (r Result) Failed() bool {
	if len(r.Missing) > 0 {
		return true
	}
	for _, p := range r.Phases {
		if p.Errors() > 0 {
			return true
		}
	}
	return false
}

// ack is a save the service acknowledged.
type ack struct {
	seg     int64
	version int
	text    string
}

// runner holds what the phases of one run share.
type runner struct {
	cfg      Config
	c        *client   // the first replica's: set-up and checks
	clients  []*client // one per replica: client i of a phase uses clients[i%len]
	admin    user
	writers  []user // writer i saves as writers[i%len]
	reader   user
	signins  []user
	doc      int64   // the current phase's document
	segments []int64 // its segments, in order
	phaseNo  int
	runID    string
	// servicePIDs are the started services, whose CPU each phase reports
	// beside the tool's own.
	servicePIDs []int

	mu   sync.Mutex
	acks []ack
}

// Run sets up users and a document, runs the phases and checks the history.
// It stops by itself: each phase ends after cfg.Duration or cfg.Requests.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if err := cfg.check(); err != nil {
		return Result{}, err
	}
	r := &runner{cfg: cfg, runID: randomHex(3)}
	maxW, maxR, maxS := 0, 0, 0
	for _, p := range cfg.Phases {
		maxW, maxR, maxS = max(maxW, p.Writers), max(maxR, p.Readers), max(maxS, p.SignIns)
	}
	if maxW > cfg.Segments {
		return Result{}, fmt.Errorf("%d writers need at least as many segments (have %d)", maxW, cfg.Segments)
	}
	db, addr := cfg.DB, cfg.Addr
	if db == "" {
		dir, err := os.MkdirTemp("", "tilmash-load-")
		if err != nil {
			return Result{}, fmt.Errorf("temporary directory: %w", err)
		}
		defer os.RemoveAll(dir)
		db = filepath.Join(dir, "load.db")
	}
	// Users first: before a started service opens the file, `user add`
	// has it to itself.
	if err := r.addUsers(ctx, db, max(1, min(maxW, 8)), maxS); err != nil { // a writer translates each phase's document first
		return Result{}, err
	}
	how, addrs := "running", []string{addr}
	if addr == "" {
		addrs = nil
		for range cfg.Replicas {
			svc, err := startService(ctx, cfg.Exe, db, cfg.ServeArgs, cfg.ServerLog)
			if err != nil {
				return Result{}, err
			}
			defer svc.stop()
			addrs = append(addrs, svc.addr)
			r.servicePIDs = append(r.servicePIDs, svc.cmd.Process.Pid)
		}
		how = fmt.Sprintf("started on %s: serve %s", describeDB(db), strings.Join(cfg.ServeArgs, " "))
		if cfg.Replicas > 1 {
			how = fmt.Sprintf("%d replicas %s", cfg.Replicas, how)
		}
	}
	conns := (maxW+maxR+maxS)/len(addrs) + 4
	for _, a := range addrs {
		c := newClient(a, conns)
		defer c.close()
		r.clients = append(r.clients, c)
	}
	r.c = r.clients[0]
	fmt.Fprintf(cfg.Out, "Tilmash load test: service %s (%s); each phase on a document of its own, %d segments translated once, language %s; "+
		"each phase at most %s and %d requests\n", strings.Join(addrs, ", "), strings.TrimSpace(how), cfg.Segments, cfg.Lang, cfg.Duration, cfg.Requests)
	var res Result
	for _, p := range cfg.Phases {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		pr, err := r.phase(ctx, p)
		if err != nil {
			return res, err
		}
		pr.print(cfg.Out)
		res.Phases = append(res.Phases, pr)
	}
	res.Acknowledged = len(r.acks)
	missing, err := r.verify(ctx)
	if err != nil {
		return res, err
	}
	res.Missing = missing
	switch {
	case res.Acknowledged == 0:
		fmt.Fprintln(cfg.Out, "\nhistory check: no saves to check")
	case len(missing) == 0:
		fmt.Fprintf(cfg.Out, "\nhistory check: all %d acknowledged saves are in the history with their text and version\n", res.Acknowledged)
	default:
		fmt.Fprintf(cfg.Out, "\nhistory check: %d of %d acknowledged saves are MISSING, e.g. %s\n", len(missing), res.Acknowledged, missing[0])
	}
	return res, nil
}

func (r *runner) addUsers(ctx context.Context, db string, writers, signins int) error {
	name := func(kind string, i int) string { return fmt.Sprintf("load-%s-%s%d", r.runID, kind, i) }
	var err error
	if r.admin, err = addUser(ctx, r.cfg.Exe, db, name("admin", 0), "", "admin"); err != nil {
		return err
	}
	if r.reader, err = addUser(ctx, r.cfg.Exe, db, name("reader", 0), "", "reviewer:"+r.cfg.Lang); err != nil {
		return err
	}
	for i := range writers {
		u, err := addUser(ctx, r.cfg.Exe, db, name("writer", i), "", "translator:"+r.cfg.Lang)
		if err != nil {
			return err
		}
		r.writers = append(r.writers, u)
	}
	// Users of their own for signing in, so whatever the sign-in throttle
	// counts never touches the others.
	for i := range min(signins, 8) {
		u, err := addUser(ctx, r.cfg.Exe, db, name("signin", i), "pw-"+randomHex(12), "translator:"+r.cfg.Lang)
		if err != nil {
			return err
		}
		r.signins = append(r.signins, u)
	}
	return nil
}

// sourceText is a Russian text of n sentences, five to a paragraph, each
// sentence different so that every segment is its own.
func sourceText(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 && i%5 == 0 {
			b.WriteString("\n\n")
		} else if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "Предложение номер %d рассказывает о том, как переводчики работают над общим документом.", i+1)
	}
	return b.String()
}

// createDocument imports a document for the next phase and translates each
// segment once, untimed, so that every phase starts from the same state:
// a phase after 50,000 saves would otherwise read histories 250 events long.
func (r *runner) createDocument(ctx context.Context) error {
	var doc struct {
		ID int64 `json:"id"`
	}
	err := r.c.sendJSON(ctx, "POST", "/api/v1/documents", r.admin.Token,
		map[string]string{"title": fmt.Sprintf("Load test %s, phase %d", r.runID, r.phaseNo), "text": sourceText(r.cfg.Segments)}, 201, &doc)
	if err != nil {
		return fmt.Errorf("create a document: %w", err)
	}
	r.doc, r.segments = doc.ID, nil
	l, err := r.c.list(ctx, r.admin.Token, r.doc, r.cfg.Lang)
	if err != nil {
		return fmt.Errorf("list the new document: %w", err)
	}
	for _, s := range l.Segments {
		r.segments = append(r.segments, s.ID)
	}
	if len(r.segments) != r.cfg.Segments {
		return fmt.Errorf("the document has %d segments, not %d", len(r.segments), r.cfg.Segments)
	}
	u := r.writers[0]
	for i, seg := range r.segments {
		text := fmt.Sprintf("Аударма: сегмент %d, алғашқы нұсқа.", seg)
		got, err := r.c.save(ctx, u.Token, seg, r.cfg.Lang, 0, text)
		if err != nil {
			return fmt.Errorf("translate segment %d of the new document: %w", i+1, err)
		}
		r.acks = append(r.acks, ack{seg: seg, version: got.Version, text: got.Target})
	}
	return nil
}

// phase runs one phase until its time or request budget is spent.
func (r *runner) phase(ctx context.Context, p Phase) (PhaseResult, error) {
	r.phaseNo++
	if p.Writers+p.Readers > 0 {
		if err := r.createDocument(ctx); err != nil {
			return PhaseResult{}, fmt.Errorf("phase %s: %w", p, err)
		}
	}
	versions := map[int64]int{}
	if p.Writers > 0 {
		l, err := r.c.list(ctx, r.admin.Token, r.doc, r.cfg.Lang)
		if err != nil {
			return PhaseResult{}, fmt.Errorf("phase %s: read the versions: %w", p, err)
		}
		for _, s := range l.Segments {
			versions[s.ID] = s.Version
		}
	}
	deadline := time.Now().Add(r.cfg.Duration)
	var budget atomic.Int64
	budget.Store(int64(r.cfg.Requests))
	more := func() bool { return ctx.Err() == nil && time.Now().Before(deadline) && budget.Add(-1) >= 0 }

	n := p.Writers + p.Readers + p.SignIns
	recs := make([]recorder, n)
	var wg sync.WaitGroup
	svcCPU, svcOK := r.serviceCPU()
	toolCPU, toolOK := processCPU(os.Getpid())
	stall, stallOK := cpuStall()
	start := time.Now()
	for i := range n {
		recs[i] = recorder{}
		c := r.clients[i%len(r.clients)]
		var work func()
		switch {
		case i < p.Writers:
			var own []int64
			for k := i; k < len(r.segments); k += p.Writers {
				own = append(own, r.segments[k])
			}
			v := make(map[int64]int, len(own))
			for _, s := range own {
				v[s] = versions[s]
			}
			work = func() { r.write(ctx, c, i, own, v, recs[i], more) }
		case i < p.Writers+p.Readers:
			work = func() { r.read(ctx, c, i, recs[i], more) }
		default:
			work = func() { r.signIn(ctx, c, r.signins[i%len(r.signins)], recs[i], more) }
		}
		wg.Go(work)
	}
	wg.Wait()
	res := summarize(p, time.Since(start), recs)
	if end, ok := r.serviceCPU(); ok && svcOK && len(r.servicePIDs) > 0 {
		res.ServiceCPU = end - svcCPU
	}
	if end, ok := processCPU(os.Getpid()); ok && toolOK {
		res.ToolCPU = end - toolCPU
	}
	if end, ok := cpuStall(); ok && stallOK {
		res.Stall = end - stall
	}
	return res, nil
}

// write saves the writer's own segments in turn, each from the version the
// last answer gave, and records every acknowledged save.
func (r *runner) write(ctx context.Context, c *client, w int, own []int64, versions map[int64]int, rec recorder, more func() bool) {
	u := r.writers[w%len(r.writers)]
	var acks []ack
	for k := 0; more(); k++ {
		seg := own[k%len(own)]
		text := fmt.Sprintf("Аударма: жазушы %d, сегмент %d, %d-нұсқа.", w, seg, k)
		start := time.Now()
		got, err := c.save(ctx, u.Token, seg, r.cfg.Lang, versions[seg], text)
		rec.add(opSave, time.Since(start), err)
		if err != nil {
			// A refused save leaves the version unknown: read it again.
			if l, lerr := c.list(ctx, u.Token, r.doc, r.cfg.Lang); lerr == nil {
				for _, s := range l.Segments {
					if s.ID == seg {
						versions[seg] = s.Version
					}
				}
			}
			continue
		}
		versions[seg] = got.Version
		acks = append(acks, ack{seg: seg, version: got.Version, text: got.Target})
		if got.Target != text {
			rec.add(opSave, 0, fmt.Errorf("segment %d: saved %q, the answer says %q", seg, text, got.Target))
		}
	}
	r.mu.Lock()
	r.acks = append(r.acks, acks...)
	r.mu.Unlock()
}

// read opens, in turn, the document's list, a segment's suggestions, a
// segment's history and the XLIFF export. It reads each answer whole but
// decodes none: the tool shares the machine with the service it measures.
func (r *runner) read(ctx context.Context, c *client, i int, rec recorder, more func() bool) {
	rnd := rand.New(rand.NewPCG(uint64(i), 7))
	tok, lang := r.reader.Token, r.cfg.Lang
	for k := i; more(); k++ {
		seg := r.segments[rnd.IntN(len(r.segments))]
		start := time.Now()
		var op string
		var err error
		switch k % 4 {
		case 0:
			op, err = opList, c.getJSON(ctx, fmt.Sprintf("/api/v1/documents/%d/translations/%s", r.doc, lang), tok, nil)
		case 1:
			op, err = opSuggestions, c.suggestions(ctx, tok, seg, lang)
		case 2:
			op, err = opHistory, c.getJSON(ctx, fmt.Sprintf("/api/v1/segments/%d/translations/%s/history", seg, lang), tok, nil)
		case 3:
			op, err = opXLIFF, c.exportXLIFF(ctx, tok, r.doc, lang)
		}
		rec.add(op, time.Since(start), err)
	}
}

// signIn signs in through the browser form again and again. A 429 is the
// service's throttle at work: counted apart, and followed by a short pause.
func (r *runner) signIn(ctx context.Context, c *client, u user, rec recorder, more func() bool) {
	for more() {
		start := time.Now()
		cookie, csrf, err := c.signInForm(ctx)
		rec.add(opSignInForm, time.Since(start), err)
		if err != nil || !more() {
			continue
		}
		start = time.Now()
		err = c.signIn(ctx, cookie, csrf, u)
		rec.add(opSignIn, time.Since(start), err)
		if errors.Is(err, errThrottled) {
			select {
			case <-ctx.Done():
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
}

// verify checks that every acknowledged save is in its segment's history
// with its version and text.
func (r *runner) verify(ctx context.Context) ([]string, error) {
	bySeg := map[int64][]ack{}
	for _, a := range r.acks {
		bySeg[a.seg] = append(bySeg[a.seg], a)
	}
	var missing []string
	for seg, acks := range bySeg {
		evs, err := r.c.history(ctx, r.admin.Token, seg, r.cfg.Lang)
		if err != nil {
			return nil, fmt.Errorf("history check: segment %d: %w", seg, err)
		}
		have := make(map[int]string, len(evs))
		for _, e := range evs {
			if e.Action == "edit" {
				have[e.Version] = e.Text
			}
		}
		for _, a := range acks {
			if t, ok := have[a.version]; !ok || t != a.text {
				missing = append(missing, fmt.Sprintf("segment %d version %d %q", a.seg, a.version, a.text))
			}
		}
	}
	return missing, nil
}

// serviceCPU is the CPU time of every started service together.
func (r *runner) serviceCPU() (time.Duration, bool) {
	var sum time.Duration
	for _, pid := range r.servicePIDs {
		d, ok := processCPU(pid)
		if !ok {
			return 0, false
		}
		sum += d
	}
	return sum, true
}

// describeDB names a database for the report without its password.
func describeDB(db string) string {
	if !IsPostgres(db) {
		return "SQLite"
	}
	if u, err := url.Parse(db); err == nil {
		return "PostgreSQL " + u.Redacted()
	}
	return "PostgreSQL"
}
