// Package locale owns a request's interface language — the language
// switcher's cookie, then Accept-Language, then Russian — and the wording,
// in that language, of what the domain reports in English: quality findings
// (qa) and source warnings (segment). The workspace's pages and the API's
// answers to the workspace's scripts word findings through it alike.
package locale

import (
	"github.com/gin-gonic/gin"

	"tilmash/internal/i18n"
)

// Cookie is the cookie of the interface language a person chose.
const Cookie = "tilmash_lang"

// Localizer is the request's interface language among b's: the switcher's
// cookie, then Accept-Language, then Russian.
func Localizer(c *gin.Context, b *i18n.Bundle) *i18n.Localizer {
	choice, _ := c.Cookie(Cookie)
	return b.Localizer(b.Match(choice, c.GetHeader("Accept-Language")))
}
