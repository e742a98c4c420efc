package app

import (
	"context"
	"errors"
	"io"

	"tilmash/internal/language"
	"tilmash/internal/tmx"
)

// tmxReadUnits is how many units the reading goroutine hands over at a time,
// and tmxReadBuffers how many such batches exist: what the import holds of
// the file is bounded by their product, whatever the file's size.
const (
	tmxReadUnits   = 1000
	tmxReadBuffers = 3
)

// errTMXStopped stops the reading goroutine once the importer has given up.
var errTMXStopped = errors.New("import stopped")

// tmxStream parses a TMX file on a goroutine of its own while the importer
// writes what came before, so that decoding the XML and inserting rows use
// two cores. Batches of units travel in order over a channel and come back
// for reuse.
type tmxStream struct {
	units chan []tmx.Unit // closed when reading ends; then err is set
	free  chan []tmx.Unit
	stop  chan struct{}
	err   error
	sum   tmx.Summary // what the file held, set with err
}

// streamTMX starts reading the ru → lang units of r.
func streamTMX(ctx context.Context, r io.Reader, lang string) *tmxStream {
	s := &tmxStream{
		units: make(chan []tmx.Unit, tmxReadBuffers-1),
		free:  make(chan []tmx.Unit, tmxReadBuffers),
		stop:  make(chan struct{}),
	}
	for range tmxReadBuffers {
		s.free <- make([]tmx.Unit, 0, tmxReadUnits)
	}
	go s.read(ctx, r, lang)
	return s
}

func (s *tmxStream) read(ctx context.Context, r io.Reader, lang string) {
	defer close(s.units)
	var batch []tmx.Unit
	take := func() bool {
		select {
		case batch = <-s.free:
			batch = batch[:0]
			return true
		case <-s.stop:
			return false
		}
	}
	send := func() bool {
		select {
		case s.units <- batch:
			batch = nil
			return true
		case <-s.stop:
			return false
		}
	}
	if !take() {
		s.err = errTMXStopped
		return
	}
	sum, err := tmx.Scan(r, language.Source, lang, func(u tmx.Unit) error {
		if err := ctx.Err(); err != nil {
			return tmxStoreError{err}
		}
		batch = append(batch, u)
		if len(batch) == cap(batch) && !(send() && take()) {
			return errTMXStopped
		}
		return nil
	})
	if err == nil && len(batch) > 0 && !send() {
		err = errTMXStopped
	}
	s.err, s.sum = err, sum
}

// recycle gives a batch back to the reader once its units are used.
func (s *tmxStream) recycle(batch []tmx.Unit) {
	clear(batch) // let the texts go
	s.free <- batch
}

// close stops the reader if it still runs and waits for it: after close,
// nothing reads r any more.
func (s *tmxStream) close() {
	select {
	case <-s.stop:
	default:
		close(s.stop)
	}
	for range s.units {
	}
}
