package qa

import (
	"fmt"
	"regexp"
	"strings"
)

// addressPattern finds e-mail addresses, web addresses with a scheme or
// "www.", and bare domains under a top-level domain common in our press
// texts ("akorda.kz"). The alternatives are tried in that order at each
// position, so a domain inside an address is not found twice.
var addressPattern = regexp.MustCompile(
	`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}` +
		`|(?i:(?:https?|ftp)://|www\.)[^\s<>«»"“”„]+` +
		`|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:kz|ru|uz|kg|tj|tm|af|az|by|ua|su|com|org|net|gov|edu|int|info|online|nl|eu|uk|de|fr|tr|cn|us)\b`)

// address is an e-mail or web address found in a text.
type address struct {
	text  string
	email bool
	used  bool
}

func (a address) kind() string {
	if a.email {
		return "e-mail address"
	}
	return "web address"
}

// mayHaveAddress is a cheap test that spares most sentences the pattern:
// every address has an "@" or a dot before a Latin letter.
func mayHaveAddress(s string) bool {
	for i := strings.IndexAny(s, "@."); i >= 0; {
		if s[i] == '@' {
			return true
		}
		if i+1 < len(s) && (s[i+1]|0x20 >= 'a' && s[i+1]|0x20 <= 'z') {
			return true
		}
		next := strings.IndexAny(s[i+1:], "@.")
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// addresses returns the addresses of s, without trailing punctuation that
// ends the sentence around them ("see www.gov.kz.").
func addresses(s string) []address {
	if !mayHaveAddress(s) {
		return nil
	}
	var out []address
	for _, m := range addressPattern.FindAllString(s, -1) {
		m = strings.TrimRight(m, ".,;:!?'’")
		if strings.HasSuffix(m, ")") && strings.Count(m, "(") < strings.Count(m, ")") {
			m = strings.TrimRight(strings.TrimSuffix(m, ")"), ".,;:!?'’")
		}
		out = append(out, address{text: m, email: strings.Contains(m, "@")})
	}
	return out
}

// sameAddress compares addresses: e-mail addresses and bare domains
// ignoring case, web addresses with a path exactly (a path is case-sensitive).
func sameAddress(a, b string) bool {
	if strings.Contains(a, "/") {
		return a == b
	}
	return strings.EqualFold(a, b)
}

// checkAddresses requires every e-mail and web address of the source,
// unchanged, in the target: a changed address sends readers elsewhere, like
// a changed number. A missing address paired with an address only the
// target has, of the same kind, is reported as changed. An address only the
// target has, left over after that pairing, is reported as extra: like an
// extra number it may be a deliberate addition (a site in the reader's
// language), so it warns and does not block.
func checkAddresses(c *checker) {
	src := addresses(c.in.Source)
	tgt := addresses(c.in.Target)
	if len(src) == 0 && len(tgt) == 0 {
		return
	}
	var missing []address
	for _, a := range src {
		if !takeAddress(tgt, a.text) && !containsWhole(c.in.Target, a.text) {
			missing = append(missing, a)
		}
	}
	for _, m := range missing {
		var found *address
		for i := range tgt {
			if !tgt[i].used && tgt[i].email == m.email {
				found = &tgt[i]
				break
			}
		}
		if found == nil {
			c.add(IDAddressMissing, fmt.Sprintf("The %s %q from the source is missing in the target.", m.kind(), m.text),
				"kind", m.kind(), "address", m.text)
			continue
		}
		found.used = true
		c.add(IDAddressChanged, fmt.Sprintf("The %s %q in the source appears as %q in the target; an address must stay as it is.", m.kind(), m.text, found.text),
			"kind", m.kind(), "address", m.text, "found", found.text)
	}
	for _, a := range tgt {
		if a.used || containsWhole(c.in.Source, a.text) {
			continue
		}
		c.add(IDAddressExtra, fmt.Sprintf("The target has the %s %q, which is not in the source.", a.kind(), a.text),
			"kind", a.kind(), "address", a.text)
	}
}

// takeAddress marks the first unused address in tgt equal to a as used.
func takeAddress(tgt []address, a string) bool {
	for i := range tgt {
		if !tgt[i].used && sameAddress(tgt[i].text, a) {
			tgt[i].used = true
			return true
		}
	}
	return false
}

// containsWhole reports whether a occurs in s as a whole address, not as
// part of a longer one ("press@mfa.kz" in "press@mfa.kz.com"). It catches
// an address the pattern read differently in the target, such as one with
// a Kazakh ending glued on ("press@mfa.kzке").
func containsWhole(s, a string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], a)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(a)
		before := i > 0 && (isAddressByte(s[i-1]) || strings.IndexByte(".@/-_", s[i-1]) >= 0)
		after := end < len(s) && (isAddressByte(s[end]) || s[end] == '/' || s[end] == '@' ||
			(strings.IndexByte(".-_", s[end]) >= 0 && end+1 < len(s) && isAddressByte(s[end+1])))
		if !before && !after {
			return true
		}
		from = i + 1
	}
}

func isAddressByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
