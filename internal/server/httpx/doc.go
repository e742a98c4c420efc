// Package httpx is what the server's three audiences — the JSON API, the
// workspace pages and the public release pages — share: the one mapping of
// application error codes to statuses and the JSON error body, request ids,
// the headers every answer carries, the request log line, recovery from
// panics, authentication by API token or session cookie and the request's
// actor, cookies, links' base URL, where a redirect may go, and path
// parameters. It decides nothing about any one audience; they import it,
// and it imports none of them.
package httpx
