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
	"ky": {
		Release: "Чыгарылыш", Published: "Жарыяланды", Languages: "Башка тилдер",
		Partial:   "Айрым үзүндүлөр азырынча которула элек, алар орус тилинде берилди.",
		Withdrawn: "Бул чыгарылыш кайтарылып алынды", Reason: "Себеби", Latest: "Акыркы чыгарылышты окуу",
	},
	"tg": {
		Release: "Нашр", Published: "Нашр шуд", Languages: "Забонҳои дигар",
		Partial:   "Баъзе қисматҳо ҳанӯз тарҷума нашудаанд ва бо забони русӣ оварда шудаанд.",
		Withdrawn: "Ин нашр бозхонд шудааст", Reason: "Сабаб", Latest: "Нашри охиринро хонед",
	},
	"tk": {
		Release: "Neşir", Published: "Çap edildi", Languages: "Beýleki diller",
		Partial:   "Käbir bölekler entek terjime edilmedi; olar rus dilinde berilýär.",
		Withdrawn: "Bu neşir yzyna alyndy", Reason: "Sebäbi", Latest: "Iň soňky neşiri okaň",
	},
	"uz": {
		Release: "Nashr", Published: "Eʼlon qilindi", Languages: "Boshqa tillar",
		Partial:   "Baʼzi qismlar hali tarjima qilinmagan; ular rus tilida berilgan.",
		Withdrawn: "Bu nashr qaytarib olindi", Reason: "Sabab", Latest: "Eng soʻnggi nashrni oʻqing",
	},
	"ps": {
		Release: "خپرونه", Published: "خپره شوه", Languages: "نورې ژبې",
		Partial:   "ځینې برخې لا نه دي ژباړل شوې؛ هغه په روسي ژبه ښودل شوې دي.",
		Withdrawn: "دا خپرونه بېرته اخیستل شوې ده", Reason: "لامل", Latest: "وروستۍ خپرونه ولولئ",
	},
	"fa-AF": {
		Release: "نشر", Published: "منتشر شد", Languages: "زبان‌های دیگر",
		Partial:   "برخی بخش‌ها هنوز ترجمه نشده‌اند و به زبان روسی نمایش داده می‌شوند.",
		Withdrawn: "این نشر پس گرفته شده است", Reason: "دلیل", Latest: "آخرین نشر را بخوانید",
	},
	"nl": {
		Release: "Uitgave", Published: "Gepubliceerd", Languages: "Andere talen",
		Partial:   "Sommige passages zijn nog niet vertaald; ze staan er in het Russisch.",
		Withdrawn: "Deze uitgave is ingetrokken", Reason: "Reden", Latest: "Lees de nieuwste uitgave",
	},
}

// LabelsFor returns the labels in lang, trying the tag, then its base
// language ("kk-KZ" → "kk"), then English (for languages an admin adds).
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
