package workspace

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tilmash/internal/server/httpx"
)

// faviconAge is how long browsers keep /favicon.ico. The name carries no
// hash, so unlike the fingerprinted assets it is not kept for a year: a new
// icon reaches everyone within a day, and the ETag spares the bytes meanwhile.
const faviconAge = "public, max-age=86400"

// favicon answers GET /favicon.ico, which browsers ask for whatever a page
// links, with the embedded static/favicon.ico (pages link the SVG icon).
func (as *assets) favicon(c *gin.Context) {
	a, ok := as.byPrint[as.printedName("favicon.ico")]
	if !ok {
		httpx.WriteError(c, http.StatusNotFound, "not_found", "no such file: "+c.Request.URL.Path)
		return
	}
	as.write(c, a, faviconAge)
}
