package qa

import (
	"fmt"
	"strconv"
	"strings"

	"tilmash/internal/segment"
)

// checkInvisible warns about invisible characters in the target: a tab, a
// zero-width space or joiner, a soft hyphen, a byte order mark, a word
// joiner. Bidi controls have their own check (IDBidi) and no-break spaces
// are judged by the spaces check; the joiners a language writes inside its
// words (ZWNJ in Dari and Pashto) are fine. One finding per character, with
// a count and where it first occurs.
func checkInvisible(c *checker) {
	t := c.in.Target
	type seen struct {
		r          rune
		first, num int
	}
	var found []seen
	for i, r := range t {
		if r != '\t' && r < 0xad {
			continue
		}
		if _, ok := segment.InvisibleName(r); !ok || isBidiControl(r) || strings.ContainsRune(c.p.joiners, r) {
			continue
		}
		known := false
		for k := range found {
			if found[k].r == r {
				found[k].num++
				known = true
			}
		}
		if !known {
			found = append(found, seen{r, i, 1})
		}
	}
	for _, f := range found {
		name, _ := segment.InvisibleName(f.r)
		code, ctx := codePoint(f.r), contextBefore(t, f.first)
		where := "at the start"
		if ctx != "" {
			where = fmt.Sprintf("after %q", ctx)
		}
		msg := fmt.Sprintf("The target has the invisible character %s %s %s; delete it or type what it stands for.", code, name, where)
		if f.num > 1 {
			msg = fmt.Sprintf("The target has the invisible character %s %s %d times, first %s; delete them or type what they stand for.", code, name, f.num, where)
		}
		args := []string{"code_point", code, "name", name, "count", strconv.Itoa(f.num)}
		if ctx != "" {
			args = append(args, "context", ctx)
		}
		c.add(IDInvisible, msg, args...)
	}
}
