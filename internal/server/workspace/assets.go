package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"tilmash/internal/server/httpx"

	"github.com/gin-gonic/gin"
)

// assets are the embedded static files, each served under a name that
// carries its content hash ("app.3f2a9c1b.css", "editor/main.9b1c….js") so
// browsers may keep it for a year: a changed file gets a new name.
//
// Scripts are ES modules that import each other by relative paths
// ("./api.js"). Those paths are rewritten to the imported file's
// fingerprinted name before the importer's own hash is taken, so a change in
// any module renames every module that depends on it, and a page that names
// the new entry point never mixes old and new modules.
type assets struct {
	byName  map[string]string // logical name ("editor/main.js") → fingerprinted URL path
	byPrint map[string]asset  // fingerprinted name ("editor/main.HASH.js") → asset
}

type asset struct {
	body  []byte
	ctype string
	etag  string
}

// moduleImport finds the relative specifiers of a module's static imports
// and re-exports (`from "./x.js"`), side-effect imports (`import "./x.js"`)
// and dynamic imports (`import("./x.js")`).
var moduleImport = regexp.MustCompile(`(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.\.?/[^"'\n]+)(["'])`)

func loadAssets(fsys fs.FS, dir string) (*assets, error) {
	raw := map[string][]byte{} // name relative to dir → contents
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		raw[strings.TrimPrefix(p, dir+"/")] = body
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	l := assetLoader{raw: raw, printed: map[string]string{}, visiting: map[string]bool{},
		as: &assets{byName: map[string]string{}, byPrint: map[string]asset{}}}
	for name := range raw {
		if _, err := l.fingerprint(name); err != nil {
			return nil, fmt.Errorf("load %s: %w", dir, err)
		}
	}
	return l.as, nil
}

// assetLoader fingerprints files depth first: a module after the modules it imports.
type assetLoader struct {
	raw      map[string][]byte
	printed  map[string]string // name → fingerprinted name, once done
	visiting map[string]bool   // names on the current import path, to refuse cycles
	as       *assets
}

func (l *assetLoader) fingerprint(name string) (string, error) {
	if p, ok := l.printed[name]; ok {
		return p, nil
	}
	if l.visiting[name] {
		return "", fmt.Errorf("%s imports itself through its imports", name)
	}
	l.visiting[name] = true
	defer delete(l.visiting, name)
	body := l.raw[name]
	ext := path.Ext(name)
	if ext == ".js" {
		var err error
		if body, err = l.rewriteImports(name, body); err != nil {
			return "", err
		}
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])[:12]
	printed := strings.TrimSuffix(name, ext) + "." + hash + ext
	ctype := contentType(ext)
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	l.printed[name] = printed
	l.as.byName[name] = "/static/" + printed
	l.as.byPrint[printed] = asset{body: body, ctype: ctype, etag: `"` + hash + `"`}
	return printed, nil
}

// contentType is the media type of a file extension; .ico is not among
// Go's built-in types, and a machine's mime.types may lack it.
func contentType(ext string) string {
	if ext == ".ico" {
		return "image/x-icon"
	}
	return mime.TypeByExtension(ext)
}

// rewriteImports points a module's relative imports at the fingerprinted
// names; an import of a file that is not there stops the start, not the page.
func (l *assetLoader) rewriteImports(name string, body []byte) ([]byte, error) {
	var failed error
	out := moduleImport.ReplaceAllFunc(body, func(m []byte) []byte {
		g := moduleImport.FindSubmatch(m)
		if failed != nil || string(g[2]) != string(g[4]) {
			return m
		}
		spec := string(g[3])
		target := path.Join(path.Dir(name), spec)
		if _, ok := l.raw[target]; !ok {
			failed = fmt.Errorf("%s imports %q: there is no %s", name, spec, target)
			return m
		}
		printed, err := l.fingerprint(target)
		if err != nil {
			failed = err
			return m
		}
		return []byte(string(g[1]) + string(g[2]) + path.Dir(spec) + "/" + path.Base(printed) + string(g[4]))
	})
	return out, failed
}

// path is the URL of a static file; templates call it as {{asset "app.css"}}.
func (as *assets) path(name string) (string, error) {
	p, ok := as.byName[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return p, nil
}

// serve answers GET /static/NAME.HASH.EXT and GET /static/DIR/NAME.HASH.EXT.
func (as *assets) serve(c *gin.Context) {
	a, ok := as.byPrint[strings.TrimPrefix(c.Param("file"), "/")]
	if !ok {
		httpx.WriteError(c, http.StatusNotFound, "not_found", "no such file: "+c.Request.URL.Path)
		return
	}
	as.write(c, a, "public, max-age=31536000, immutable")
}

// write sends an asset with its caching headers, or 304 when the browser's
// copy has its ETag.
func (as *assets) write(c *gin.Context, a asset, cacheControl string) {
	c.Header("Cache-Control", cacheControl)
	c.Header("ETag", a.etag)
	c.Header("X-Content-Type-Options", "nosniff")
	if c.GetHeader("If-None-Match") == a.etag {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, a.ctype, a.body)
}

// printedName is the fingerprinted name of a static file ("app.HASH.css"), "" if there is none.
func (as *assets) printedName(name string) string {
	return strings.TrimPrefix(as.byName[name], "/static/")
}
