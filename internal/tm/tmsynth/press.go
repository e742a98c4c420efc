package tmsynth

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Short units of press text: what a memory built from releases holds beside sentences. Headings,
// captions, labels and signatures are 1–4 words, where a fuzzy index on character trigrams has the
// fewest grams to go on.

var labels = []string{
	"Справочно:", "Фото:", "Контакты:", "Источник:", "Примечание:", "Для справки:", "Пресс-релиз",
	"Анонс", "Итоги", "Программа", "Повестка дня", "Пресс-служба", "Комментарий", "Новости",
}

var captions = []string{"Фото пресс-службы", "Фото: пресс-служба Академии", "Фото из архива", "Видео"}

var numbered = []string{"Статья", "Пункт", "Раздел", "Приложение", "Глава", "Таблица", "№"}

// boilerplate is text every release repeats, with a number or a date that varies.
var boilerplate = []string{
	"Справочно: Хаб государственной службы создан в %s году по инициативе %d государств.",
	"Контактный телефон пресс-службы: +7 (7172) %d-%d.",
	"Аккредитация журналистов открыта до %s.",
	"Мероприятие пройдет %s в здании Академии государственного управления.",
	"Подробная информация размещена на официальном сайте в разделе «Новости» (%d).",
	"Начало в %d:00 по времени Астаны.",
}

// Heading returns a short unit of 1–4 words: a heading, label, caption, signature, date or number.
func (g *Generator) Heading() string {
	var s string
	switch r := g.rng.IntN(100); {
	case r < 25:
		s = capitalize(g.adjective() + " " + g.noun())
		if g.rng.IntN(3) == 0 {
			s += " " + g.noun()
		}
	case r < 35:
		s = g.pick(labels)
	case r < 40:
		s = g.pick(captions)
	case r < 55:
		s = g.person()
	case r < 70:
		s = g.date()
	case r < 85:
		s = capitalize(g.noun()) + "."
	default:
		s = g.pick(numbered) + " " + strconv.Itoa(1+g.rng.IntN(300))
		if g.rng.IntN(3) == 0 {
			s += "." + strconv.Itoa(1+g.rng.IntN(9))
		}
	}
	return s
}

func (g *Generator) date() string {
	d, y := 1+g.rng.IntN(28), 2015+g.rng.IntN(16)
	if g.rng.IntN(3) == 0 {
		return strconv.Itoa(d) + "." + strconv.Itoa(1+g.rng.IntN(12)) + "." + strconv.Itoa(y)
	}
	return strconv.Itoa(d) + " " + g.pick(months) + " " + strconv.Itoa(y) + " года"
}

// Boilerplate returns one of the sentences every release repeats, with its varying part filled.
func (g *Generator) Boilerplate() string {
	t := g.pick(boilerplate)
	var args []any
	for i := 0; i+1 < len(t); i++ {
		if t[i] != '%' {
			continue
		}
		switch t[i+1] {
		case 'd':
			args = append(args, 1+g.rng.IntN(99))
		case 's':
			args = append(args, g.date())
		}
	}
	return sprintf(t, args...)
}

// sprintf fills %d and %s verbs; fmt is avoided to keep the generator's output independent of its
// formatting rules.
func sprintf(t string, args ...any) string {
	var b strings.Builder
	a := 0
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && a < len(args) {
			switch v := args[a].(type) {
			case int:
				b.WriteString(strconv.Itoa(v))
			case string:
				b.WriteString(v)
			}
			a++
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// Letter returns s with one letter replaced by another lower-case Cyrillic letter: a typo or a
// one-letter change of inflection ("Гостей." → "Гостеа."). Texts without a letter are returned as
// they are.
func (g *Generator) Letter(s string) string {
	rs := []rune(s)
	var at []int
	for i, r := range rs {
		if r >= 'а' && r <= 'я' {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return s
	}
	i := at[g.rng.IntN(len(at))]
	for {
		r := 'а' + rune(g.rng.IntN(32))
		if r != rs[i] {
			rs[i] = r
			break
		}
	}
	return string(rs)
}

// Unit returns one unit of press text as a memory holds it: a sentence, or with probability
// shortShare percent a short unit (Heading).
func (g *Generator) Unit(shortShare int) string {
	if g.rng.IntN(100) < shortShare {
		return g.Heading()
	}
	return g.Sentence()
}

// ShortShare is the percentage of 1–4-word units in the press corpus.
const ShortShare = 15

// PressCorpus returns n sources in the length distribution of press text: about 15 % units of 1–4
// words (headings, labels, captions, signatures, dates, numbers), 4 % boilerplate sentences with a
// varying number or date, 5 % exact repeats, 20 % one-word variants and 3 % one-letter variants of
// earlier units, the rest fresh sentences.
func (g *Generator) PressCorpus(n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		r := g.rng.IntN(100)
		switch {
		case len(out) > 0 && r < 5:
			out = append(out, out[g.rng.IntN(len(out))])
		case len(out) > 0 && r < 25:
			out = append(out, g.Variant(out[g.rng.IntN(len(out))]))
		case len(out) > 0 && r < 28:
			out = append(out, g.Letter(out[g.rng.IntN(len(out))]))
		case r < 32:
			out = append(out, g.Boilerplate())
		default:
			// Copies inherit their original's length; boilerplate is long. Fresh units (68 %) are
			// short at the rate that leaves the whole corpus, copies included, at ShortShare.
			out = append(out, g.Unit(ShortShare*72/68))
		}
	}
	return out
}

// Words counts the words of s.
func Words(s string) int { return len(strings.Fields(s)) }

// Runes counts the characters of s.
func Runes(s string) int { return utf8.RuneCountInString(s) }
