package api

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestReadSlots: reads beyond the slots wait for one to be left, and a
// request abandoned while waiting gives up with its context's error.
func TestReadSlots(t *testing.T) {
	slots := make(readSlots, 2)
	ctx := context.Background()
	leave1, err := slots.enter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	leave2, err := slots.enter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	entered := make(chan struct{})
	go func() {
		leave, err := slots.enter(ctx)
		if err == nil {
			leave()
		}
		close(entered)
	}()
	select {
	case <-entered:
		t.Fatal("a third read entered two slots")
	case <-time.After(20 * time.Millisecond):
	}
	leave1()
	<-entered
	gone, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	leave3, err := slots.enter(ctx) // the slot leave1 freed
	if err != nil {
		t.Fatal(err)
	}
	if _, err := slots.enter(gone); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting past the deadline: %v", err)
	}
	leave2()
	leave3()
	if n := len(slots); n != 0 {
		t.Errorf("%d slots still taken", n)
	}
}
