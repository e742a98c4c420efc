package publish

import "strings"

// Labels are the fixed words of a public release page and feed, in the
// release's language.
type Labels struct {
	Release   string // "Release" (before the number)
	Published string // "Published" (before the date)
	Languages string // "Other languages" (the switcher's name)
	Partial   string // the note on a partial release
	Withdrawn string // the heading of a withdrawn release
	Reason    string // "Reason" (before a withdrawal's reason)
	Latest    string // the link to the latest live release
}

// labels holds the labels per language; it is never written to.
var labels = map[string]Labels{
	"en": {
		Release: "Release", Published: "Published", Languages: "Other languages",
		Partial:   "Some passages are not translated yet; they are shown in Russian.",
		Withdrawn: "This release has been withdrawn", Reason: "Reason", Latest: "Read the latest release",
	},
	"ru": {
		Release: "Выпуск", Published: "Опубликовано", Languages: "Другие языки",
		Partial:   "Некоторые фрагменты ещё не переведены и приведены на русском языке.",
		Withdrawn: "Этот выпуск отозван", Reason: "Причина", Latest: "Читать последний выпуск",
	},
	"kk": {
		Release: "Шығарылым", Published: "Жарияланды", Languages: "Басқа тілдер",
		Partial:   "Кейбір үзінділер әлі аударылмаған, олар орыс тілінде берілген.",
		Withdrawn: "Бұл шығарылым кері қайтарылды", Reason: "Себебі", Latest: "Соңғы шығарылымды оқу",
	},
	"ar": {
		Release: "الإصدار", Published: "نُشر في", Languages: "لغات أخرى",
		Partial:   "بعض المقاطع لم تُترجم بعد، وهي معروضة باللغة الروسية.",
		Withdrawn: "تم سحب هذا الإصدار", Reason: "السبب", Latest: "اقرأ أحدث إصدار",
	},
	"nl": {
		Release: "Uitgave", Published: "Gepubliceerd", Languages: "Andere talen",
		Partial:   "Sommige passages zijn nog niet vertaald; ze staan er in het Russisch.",
		Withdrawn: "Deze uitgave is ingetrokken", Reason: "Reden", Latest: "Lees de nieuwste uitgave",
	},
}

// LabelsFor returns the labels in lang, trying the tag, then its base
// language ("fa-AF" → "fa"), then English.
func LabelsFor(lang string) Labels {
	if l, ok := labels[lang]; ok {
		return l
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if l, ok := labels[base]; ok {
			return l
		}
	}
	return labels["en"]
}
