// Package web embeds the workspace's HTML templates and static assets; the
// server parses the templates once at start-up and serves the assets
// fingerprinted.
package web

import "embed"

// FS holds templates/*.html and static/*.
//
//go:embed templates static
var FS embed.FS
