package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// requestTimeout bounds one request; a phase's end never cuts a request
// short, so an acknowledged save is never mistaken for a failure.
const requestTimeout = 30 * time.Second

// client is an HTTP client of one service that can only reach loopback
// addresses: its dialer refuses any other, whatever a redirect says.
type client struct {
	base string
	http *http.Client
}

func newClient(addr string, conns int) *client {
	dialer := &net.Dialer{Timeout: 5 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			return fmt.Errorf("refusing to connect to %s: not a loopback address", address)
		}
		return nil
	}}
	tr := &http.Transport{DialContext: dialer.DialContext, MaxIdleConns: conns, MaxIdleConnsPerHost: conns,
		IdleConnTimeout: time.Minute, Proxy: nil}
	return &client{base: "http://" + addr, http: &http.Client{Transport: tr, Timeout: requestTimeout,
		// The sign-in answers with a redirect whose cookie is the result.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (c *client) close() { c.http.CloseIdleConnections() }

// response is what the tool looks at in an answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (c *client) do(ctx context.Context, method, path, token string, header http.Header, body io.Reader) (response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return response{}, err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: read the answer: %w", method, path, err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}, nil
}

// expect turns an unexpected status into an error naming the answer.
func (r response) expect(status int) error {
	if r.status == status {
		return nil
	}
	msg := strings.TrimSpace(string(r.body))
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return fmt.Errorf("status %d: %s", r.status, msg)
}

// getJSON fetches path with a token and decodes the JSON answer into v (when not nil).
func (c *client) getJSON(ctx context.Context, path, token string, v any) error {
	r, err := c.do(ctx, http.MethodGet, path, token, nil, nil)
	if err != nil {
		return err
	}
	if err := r.expect(http.StatusOK); err != nil {
		return err
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(r.body, v)
}

// sendJSON sends v as JSON and decodes the answer into out.
func (c *client) sendJSON(ctx context.Context, method, path, token string, v any, status int, out any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	r, err := c.do(ctx, method, path, token, http.Header{"Content-Type": {"application/json"}}, bytes.NewReader(b))
	if err != nil {
		return err
	}
	if err := r.expect(status); err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(r.body, out)
}

// segmentState is what the tool reads of a translation.
type segmentState struct {
	ID      int64  `json:"id"`
	Target  string `json:"target"`
	Version int    `json:"version"`
}

type translationList struct {
	Segments []segmentState `json:"segments"`
}

func (c *client) list(ctx context.Context, token string, doc int64, lang string) (translationList, error) {
	var l translationList
	err := c.getJSON(ctx, fmt.Sprintf("/api/v1/documents/%d/translations/%s", doc, lang), token, &l)
	return l, err
}

func (c *client) save(ctx context.Context, token string, seg int64, lang string, version int, text string) (segmentState, error) {
	var out segmentState
	err := c.sendJSON(ctx, http.MethodPut, fmt.Sprintf("/api/v1/segments/%d/translations/%s", seg, lang), token,
		map[string]any{"target": text, "version": version}, http.StatusOK, &out)
	return out, err
}

type historyEvent struct {
	Action  string `json:"action"`
	Version int    `json:"version"`
	Text    string `json:"text"`
}

func (c *client) history(ctx context.Context, token string, seg int64, lang string) ([]historyEvent, error) {
	var h struct {
		Events []historyEvent `json:"events"`
	}
	err := c.getJSON(ctx, fmt.Sprintf("/api/v1/segments/%d/translations/%s/history", seg, lang), token, &h)
	return h.Events, err
}

func (c *client) suggestions(ctx context.Context, token string, seg int64, lang string) error {
	return c.getJSON(ctx, fmt.Sprintf("/api/v1/segments/%d/suggestions?lang=%s", seg, url.QueryEscape(lang)), token, nil)
}

func (c *client) exportXLIFF(ctx context.Context, token string, doc int64, lang string) error {
	return c.getJSON(ctx, fmt.Sprintf("/api/v1/documents/%d/xliff/%s", doc, lang), token, nil)
}

// csrfInput finds the sign-in form's CSRF token.
var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// errThrottled marks a sign-in the service asked to wait (429): the tool
// counts it apart, as the service protecting itself, not as a failure.
var errThrottled = errors.New("throttled")

// signInForm opens the sign-in page as a browser does: the pre-session
// cookie and the form's CSRF token.
func (c *client) signInForm(ctx context.Context) (cookie, csrf string, err error) {
	r, err := c.do(ctx, http.MethodGet, "/signin", "", nil, nil)
	if err != nil {
		return "", "", err
	}
	if err := r.expect(http.StatusOK); err != nil {
		return "", "", err
	}
	m := csrfInput.FindSubmatch(r.body)
	if m == nil {
		return "", "", errors.New("the sign-in page has no CSRF field")
	}
	for _, ck := range (&http.Response{Header: r.header}).Cookies() {
		if ck.Name == "tilmash_pre" {
			cookie = ck.Name + "=" + ck.Value
		}
	}
	if cookie == "" {
		return "", "", errors.New("the sign-in page set no pre-session cookie")
	}
	return cookie, string(m[1]), nil
}

// signIn posts the form and expects the redirect that carries a session cookie.
func (c *client) signIn(ctx context.Context, cookie, csrf string, u user) error {
	form := url.Values{"csrf": {csrf}, "name": {u.Name}, "password": {u.Password}, "next": {"/"}}
	r, err := c.do(ctx, http.MethodPost, "/signin", "", http.Header{"Content-Type": {"application/x-www-form-urlencoded"},
		"Cookie": {cookie}}, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	if r.status == http.StatusTooManyRequests {
		return errThrottled
	}
	if err := r.expect(http.StatusSeeOther); err != nil {
		return err
	}
	for _, ck := range (&http.Response{Header: r.header}).Cookies() {
		if ck.Name == "tilmash_session" && ck.Value != "" {
			return nil
		}
	}
	return errors.New("the sign-in answered without a session cookie")
}
