package xliff

import "strings"

// LanguageMatches reports whether a language tag found in a file stands for
// the language the caller expects: the same tag in any letter case, or a
// more specific one (CAT tools often write "kk-KZ" or "ar-SA" where Tilmash
// says "kk" or "ar"). A less specific tag does not match: "fa" is not
// necessarily Dari ("fa-AF").
func LanguageMatches(fileTag, want string) bool {
	fileTag = strings.ReplaceAll(fileTag, "_", "-")
	if strings.EqualFold(fileTag, want) {
		return true
	}
	return len(fileTag) > len(want) && fileTag[len(want)] == '-' && strings.EqualFold(fileTag[:len(want)], want)
}
