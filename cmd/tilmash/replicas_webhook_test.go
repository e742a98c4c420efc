package main

import (
	"net/http"
	"testing"
	"time"

	"tilmash/internal/pgtest"
	"tilmash/internal/publish"
)

// TestReplicaKilledMidDeliveryOtherCompletes: a replica killed (SIGKILL)
// while its webhook attempt is under way leaves the notification claimed;
// the other replica sends it once the claim's lease has run out, with the
// same delivery id, and the log shows one delivery (issue 13).
//
// The replicas sign with different secrets so that the receiver can tell
// which one sent an attempt: whichever claims first is the one killed.
func TestReplicaKilledMidDeliveryOtherCompletes(t *testing.T) {
	const lease = 3 * time.Second
	db := pgtest.URL(t)
	first, dropped, second := make(chan struct{}), make(chan struct{}), make(chan struct{})
	rcv := newHookReceiver(t, func(n int, w http.ResponseWriter, r *http.Request) {
		switch n {
		case 0: // hold the first attempt open: its sender is mid-delivery
			close(first)
			<-r.Context().Done() // the sender's connection went away
			close(dropped)
		case 1:
			w.WriteHeader(http.StatusNoContent)
			close(second)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	})
	serve := func(secret string) *serveProcess {
		return startServe(t, db, "--webhook", rcv.URL, "--webhook-secret", secret,
			"--webhook-timeout", "2s", "--webhook-lease", lease.String())
	}
	secrets := []string{"secret-a", "secret-b"}
	replicas := []*serveProcess{serve(secrets[0]), serve(secrets[1])}
	admin := releaseOne(t, db, replicas[1], replicas[0])

	select {
	case <-first:
	case <-time.After(5 * time.Second):
		t.Fatal("no webhook attempt within 5 s of the release")
	}
	held := rcv.requests()[0]
	sender := -1
	for i, s := range secrets {
		if publish.Verify(s, held.Body, held.Signature) {
			sender = i
		}
	}
	if sender < 0 {
		t.Fatalf("the first attempt's signature %q is neither replica's", held.Signature)
	}
	killed, other := replicas[sender], replicas[1-sender]
	killed.kill()
	select {
	case <-dropped:
	case <-time.After(2 * time.Second):
		t.Fatal("the held attempt's connection stayed open after its sender was killed")
	}

	select {
	case <-second:
	case <-time.After(lease + 5*time.Second):
		t.Fatalf("the other replica did not send the notification within %v of the kill", lease+5*time.Second)
	}
	got := rcv.requests()
	retry := got[1]
	if retry.Delivery != held.Delivery || retry.Delivery == "" {
		t.Errorf("X-Tilmash-Delivery %q on the retry, want the first attempt's %q", retry.Delivery, held.Delivery)
	}
	if !publish.Verify(secrets[1-sender], retry.Body, retry.Signature) {
		t.Errorf("the retry was not signed by the surviving replica")
	}
	// The claim was made just before the first attempt arrived; the other
	// replica may take it only when the lease has run out.
	if wait := retry.At.Sub(held.At); wait < lease-500*time.Millisecond {
		t.Errorf("the retry came %v after the held attempt, before the %v lease ran out", wait, lease)
	}
	// The attempt is logged once the receiver has answered.
	var log []deliveryAttempt
	within(t, "the retry in the surviving replica's delivery log", func() bool {
		log = deliveryLog(t, other, admin)
		return len(log) > 0
	})
	if len(log) != 1 || log[0].Delivery != held.Delivery || log[0].Status != 204 || !log[0].Final {
		t.Errorf("delivery log on the surviving replica: %+v, want one final 204 delivery %s", log, held.Delivery)
	}
	if len(got) != 2 {
		t.Errorf("%d attempts reached the receiver, want the held one and the retry: %+v", len(got), got)
	}
}
