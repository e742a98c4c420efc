// Package translations embeds the message files of the workspace's user
// interface: active.LANG.toml, read by internal/i18n with go-i18n.
package translations

import "embed"

// FS holds the message files.
//
//go:embed *.toml
var FS embed.FS
