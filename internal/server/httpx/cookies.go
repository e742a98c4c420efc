package httpx

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// SetCookie writes a cookie the service's way: path /, HttpOnly,
// SameSite=Lax, Secure when served over TLS (directly, or behind a proxy
// whose public base URL, baseURL, is https). A negative age deletes it.
func SetCookie(c *gin.Context, baseURL, name, value string, age time.Duration) {
	secure := c.Request.TLS != nil || strings.HasPrefix(baseURL, "https://")
	maxAge := int(age / time.Second)
	if age < 0 {
		maxAge = -1 // net/http writes Max-Age=0: the browser drops the cookie now
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode})
}
