package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

// assets are the embedded static files, each served under a name that
// carries its content hash ("app.3f2a9c1b.css") so browsers may keep it for
// a year: a changed file gets a new name.
type assets struct {
	byName  map[string]string // logical name → fingerprinted URL path
	byPrint map[string]asset  // fingerprinted file name → asset
}

type asset struct {
	body  []byte
	ctype string
	etag  string
}

func loadAssets(fsys fs.FS, dir string) (*assets, error) {
	as := &assets{byName: map[string]string{}, byPrint: map[string]asset{}}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := path.Base(p)
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:12]
		ext := path.Ext(name)
		printed := strings.TrimSuffix(name, ext) + "." + hash + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		as.byName[name] = "/static/" + printed
		as.byPrint[printed] = asset{body: body, ctype: ctype, etag: `"` + hash + `"`}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	return as, nil
}

// path is the URL of a static file; templates call it as {{asset "app.css"}}.
func (as *assets) path(name string) (string, error) {
	p, ok := as.byName[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return p, nil
}

// serve answers GET /static/NAME.HASH.EXT.
func (as *assets) serve(c *gin.Context) {
	a, ok := as.byPrint[c.Param("file")]
	if !ok {
		writeError(c, http.StatusNotFound, "not_found", "no such file: "+c.Request.URL.Path)
		return
	}
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	c.Header("ETag", a.etag)
	c.Header("X-Content-Type-Options", "nosniff")
	if c.GetHeader("If-None-Match") == a.etag {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, a.ctype, a.body)
}
