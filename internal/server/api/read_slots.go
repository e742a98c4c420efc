package api

import (
	"context"
	"runtime"

	"github.com/gin-gonic/gin"
)

// readSlots admits the reads that walk a whole document or history (lists,
// XLIFF exports, histories, suggestions) a few at a time: as many as there
// are CPUs. They are CPU-bound; let sixteen of them run at once and the Go
// scheduler gives each a time slice in turn, so a save's goroutine, and the
// store's single writer, wait behind all of them at every step. Queued here
// instead, a read waits once, and writes keep their pace.
type readSlots chan struct{}

func newReadSlots() readSlots { return make(readSlots, max(1, runtime.GOMAXPROCS(0)/2)) }

// enter waits for a slot; the caller must call the returned function when
// done. It fails only when the request is abandoned while waiting.
func (r readSlots) enter(ctx context.Context) (func(), error) {
	select {
	case r <- struct{}{}:
		return func() { <-r }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// heavyRead runs a read handler in a slot.
func (s *Server) heavyRead(h gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		leave, err := s.reads.enter(c.Request.Context())
		if err != nil {
			s.fail(c, err)
			return
		}
		defer leave()
		h(c)
	}
}
