package qa

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkSpaces reports leading, trailing and repeated spaces.
func checkSpaces(c *checker) {
	t := c.in.Target
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsSpace(r) {
		c.add(IDSpaces, "The target starts with a space.", "where", "start")
	}
	if r, _ := utf8.DecodeLastRuneInString(t); unicode.IsSpace(r) {
		c.add(IDSpaces, "The target ends with a space.", "where", "end")
	}
	trimmed := strings.TrimLeftFunc(t, unicode.IsSpace)
	offset := len(t) - len(trimmed)
	trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	first, count, run := -1, 0, 0
	for i, r := range trimmed {
		if !unicode.IsSpace(r) {
			run = 0
			continue
		}
		run++
		if run == 2 {
			count++
			if first < 0 {
				first = offset + i
			}
		}
	}
	if count == 0 {
		return
	}
	ctx := contextBefore(t, first)
	msg := fmt.Sprintf("The target has a double space after %q.", ctx)
	if count > 1 {
		msg = fmt.Sprintf("The target has double spaces in %d places, the first after %q.", count, ctx)
	}
	c.add(IDSpaces, msg, "where", "inside", "count", strconv.Itoa(count), "context", ctx)
}

// checkUntranslated warns when the target is the source copied.
func checkUntranslated(c *checker) {
	src, tgt := strings.TrimSpace(c.in.Source), strings.TrimSpace(c.in.Target)
	if src == tgt && strings.IndexFunc(src, unicode.IsLetter) >= 0 {
		c.add(IDUntranslated, "The target is the same as the source; it looks untranslated.")
	}
}
