package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"tilmash/internal/publish"
)

// TestUIPublishPartialAndWithdraw: a partial release needs the box ticked
// and a reason; publishing again unchanged says so; a live release can be
// withdrawn with a reason, and the webhooks hear of it. Only publishers and
// admins may; every POST needs the CSRF token.
func TestUIPublishPartialAndWithdraw(t *testing.T) {
	rcv := newReceiver(t, http.StatusNoContent)
	ts, _ := hookServer(t, startServer(t), publish.Webhooks{URLs: []string{rcv.srv.URL}, Secret: "s"})
	f := newReleaseFixture(t, ts, "kk")
	f.approveAll(t, "kk", 3, 4)
	ts.person(t, "dana", testPassword, "publisher")
	ts.person(t, "aigerim", testPassword, "translator:kk")
	b := ts.browser(t)
	b.language = "en"
	b.signIn(t, "dana", testPassword)
	path := fmt.Sprintf("/publish/%d", f.doc)
	action := fmt.Sprintf("/publish/%d/kk", f.doc)
	b.get(t, path).must(t, http.StatusOK).contains(t, "15 of 17 approved",
		"Publish with the Russian source for the 2 missing sentences", `<input type="hidden" name="mode" value="partial">`)
	csrf := b.csrf(t, path)
	partial := func(csrf, box, reason string) url.Values {
		v := url.Values{"mode": {"partial"}, "reason": {reason}}
		if csrf != "" {
			v.Set("csrf", csrf)
		}
		if box != "" {
			v.Set("allow_partial", box)
		}
		return v
	}
	b.post(t, action, partial(csrf, "", "The seminar starts tomorrow")).must(t, http.StatusBadRequest).
		contains(t, "Tick the box to publish with the Russian source for the missing sentences.", ">The seminar starts tomorrow</textarea>")
	b.post(t, action, partial(csrf, "1", "  ")).must(t, http.StatusBadRequest).contains(t, "A partial release needs a reason.")
	b.post(t, action, partial("", "1", "The seminar starts tomorrow")).must(t, http.StatusForbidden)
	// Without the waiver, publishing is refused on the page with the reason.
	b.post(t, action, url.Values{"csrf": {csrf}}).must(t, http.StatusConflict).
		contains(t, "The action was refused.", "2 of 17 segments are not approved in kk yet")

	// A translator may not publish partially.
	tr := ts.browser(t)
	tr.language = "en"
	tr.signIn(t, "aigerim", testPassword)
	tr.post(t, action, partial(tr.csrf(t, path), "1", "Hurry")).must(t, http.StatusForbidden).
		contains(t, "Only publishers and administrators may do this.")

	p := b.post(t, action, partial(csrf, "1", "The seminar starts tomorrow")).must(t, http.StatusSeeOther)
	if want := path + "?published=kk#lang-kk"; p.Location != want {
		t.Errorf("after publishing: %q, want %q", p.Location, want)
	}
	b.get(t, p.Location).must(t, http.StatusOK).contains(t, "Published.", "(partial: some segments in Russian)")
	// The same again makes no release, and says so.
	p = b.post(t, action, partial(csrf, "1", "Again")).must(t, http.StatusSeeOther)
	if want := path + "?published=kk&same=1#lang-kk"; p.Location != want {
		t.Errorf("after publishing unchanged: %q, want %q", p.Location, want)
	}
	page := b.get(t, p.Location).must(t, http.StatusOK).contains(t, "Nothing changed since release 1; no new release.")
	if bytes.Contains([]byte(page.Body), []byte("Published.")) {
		t.Error(`an unchanged publish says "Published."`)
	}

	// Withdrawing: a reason, the CSRF token and the publisher role are needed.
	withdraw := action + "/withdraw"
	b.get(t, path).contains(t, fmt.Sprintf(`action="%s"`, withdraw), "Withdraw release 1")
	b.post(t, withdraw, url.Values{"csrf": {csrf}, "number": {"1"}, "reason": {" "}}).must(t, http.StatusBadRequest).
		contains(t, "Withdrawing needs a reason: readers of the release will see it.")
	b.post(t, withdraw, url.Values{"number": {"1"}, "reason": {"Wrong date"}}).must(t, http.StatusForbidden)
	tr.post(t, withdraw, url.Values{"csrf": {tr.csrf(t, path)}, "number": {"1"}, "reason": {"Wrong date"}}).
		must(t, http.StatusForbidden).contains(t, "Only publishers and administrators may do this.")
	b.post(t, withdraw, url.Values{"csrf": {csrf}, "number": {"9"}, "reason": {"Wrong date"}}).must(t, http.StatusNotFound)
	p = b.post(t, withdraw, url.Values{"csrf": {csrf}, "number": {"1"}, "reason": {"Wrong date"}}).must(t, http.StatusSeeOther)
	b.get(t, p.Location).must(t, http.StatusOK).contains(t, "Release 1 withdrawn", "Release 1 (withdrawn)")
	if r := b.get(t, fmt.Sprintf("/releases/%d/kk/1", f.doc)); r.Status != http.StatusGone {
		t.Errorf("the withdrawn release answers %d, want 410", r.Status)
	}
	b.post(t, withdraw, url.Values{"csrf": {csrf}, "number": {"1"}, "reason": {"Again"}}).must(t, http.StatusConflict).
		contains(t, "The action was refused.", "was already withdrawn")

	// The webhooks heard of the release and of its withdrawal.
	deadline := time.Now().Add(10 * time.Second)
	for {
		bodies, _ := rcv.got()
		var events []string
		for _, body := range bodies {
			for _, e := range []string{publish.EventPublished, publish.EventWithdrawn} {
				if bytes.Contains(body, []byte(`"`+e+`"`)) {
					events = append(events, e)
				}
			}
		}
		if fmt.Sprint(events) == fmt.Sprint([]string{publish.EventPublished, publish.EventWithdrawn}) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("webhook events %v, want published then withdrawn", events)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
