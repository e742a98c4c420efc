package httpx

import "unicode"

// LocalPath is the one owner of where a "next" parameter may send a browser:
// a path on this site, "/" followed by anything but a second "/" or a "\"
// (which browsers read as the start of another host), with no control
// character anywhere (browsers drop tabs and line breaks, so "/\t/evil" would
// become "//evil"). Anything else becomes "/".
func LocalPath(p string) string {
	if p == "/" {
		return p
	}
	if len(p) < 2 || p[0] != '/' || p[1] == '/' || p[1] == '\\' {
		return "/"
	}
	for _, r := range p {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return "/"
		}
	}
	return p
}
