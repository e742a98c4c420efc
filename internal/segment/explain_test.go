package segment

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestExplainNamesTheRule(t *testing.T) {
	tests := []struct {
		text string
		want []string // "split rule mark" or "keep rule mark", one per candidate
	}{
		{"Корпус открыли в мае 2019 г. Новый корпус открыт.", []string{
			"split abbreviation-date .",
		}},
		{"В 2019 г. Казахстан представил доклад.", []string{"keep abbreviation-date ."}},
		{"Город основан в V в. до н.э. Его руины изучают.", []string{
			"keep abbreviation-date .", "keep no-space .", "split abbreviation-era .",
		}},
		{"Спасибо :) Увидимся завтра.", []string{"split emoticon :)"}},
		{"Майкл Дж. Фокс приехал.", []string{"keep abbreviation-prefix ."}},
		{"Глава IV. Общие положения", []string{"keep heading-number ."}},
		{"Регион принадлежал королю Твртко I. Сын родился позже.", []string{"split roman-ordinal ."}},
		{"Длина реки 18 км. Расположен рядом.", []string{"split abbreviation-unit ."}},
		{"Курс стоит 500 руб. Это недорого.", []string{"split abbreviation-amount ."}},
		{"Доклад сделал К. Т. Жумабаев.", []string{"keep initial .", "keep initial ."}},
		{"Мы благодарны им. Они помогли.", []string{"split abbreviation-postfix ."}},
		{"Люди приходят во владимирской обл. Депутату плеснули в лицо.", []string{"split abbreviation-place ."}},
		{"В Алматинской обл. Казахстан построил завод.", []string{"keep abbreviation-place ."}},
		{"Я направил письмо в Гос. Думу.", []string{"keep abbreviation-prefix ."}},
		{"Бывает. @xxxxxx @xxxxxx", []string{"keep trailing-symbols ."}},
		{"Он сказал: «Мы готовы. Двери открыты», и вышел.", []string{"keep inside-pair ."}},
		{"Круто! люблю такие фото", []string{"split question-exclamation-lowercase !"}},
		{"никогда не была в горах. они пугают", []string{"split word-before-lowercase ."}},
		{"Пришёл ректор. никто не встал", []string{"keep plain-word ."}},
		{"Вздохнул. …На перемене ушёл", []string{"split plain-word .", "keep leading-marks …"}},
		{"(Прилепин — писатель. Но враг)", []string{"split plain-word ."}},
		{"Тираж 1 тыс. экз. Цена договорная.", []string{"keep abbreviation-amount .", "split abbreviation-unit ."}},
		{"Антикиллер 2: Антитеррор. (2003).", []string{"keep bracketed-number ."}},
		{"Он ушёл. (Это было в 2003 году.)", []string{"split plain-word ."}},
		{"-Коньяк - 1 cт.л. -Сахар - 1 стакан", []string{"keep no-space .", "split abbreviation-unit ."}},
		{"Добавить 1 cт.л. сахара.", []string{"keep no-space .", "keep abbreviation-unit ."}},
		{"1. Регистрация. Что дальше? Ответ дали.", []string{
			"keep list-number .", "split plain-word .", "split question-exclamation ?",
		}},
	}
	ru := For("ru")
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			paras := ru.Explain(tc.text)
			if len(paras) != 1 {
				t.Fatalf("%d paragraphs", len(paras))
			}
			var got []string
			for _, b := range paras[0].Boundaries {
				verdict := "keep"
				if b.Split {
					verdict = "split"
				}
				got = append(got, verdict+" "+b.Rule+" "+b.Mark)
				if b.Reason == "" || !strings.Contains(b.Context, "|") {
					t.Errorf("boundary %+v has no reason or context", b)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Explain(%q)\n got: %q\nwant: %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestExplainReasonNamesTheEntry(t *testing.T) {
	b := For("ru").Explain("Корпус открыли в мае 2019 г. Новый корпус открыт.")[0].Boundaries[0]
	for _, want := range []string{`"г."`, `"открыли"`, `"Новый"`} {
		if !strings.Contains(b.Reason, want) {
			t.Errorf("reason %q does not name %s", b.Reason, want)
		}
	}
	if b.Context != "…ус открыли в мае 2019 г.| Новый корпус открыт." {
		t.Errorf("context %q", b.Context)
	}
}

// TestExplainSplitsAsSplit: the explain path decides exactly as the normal one, on every fixture.
// TestExplainNamesTheBracket: a split inside a bracket says which bracket let it happen, and a
// kept period before a lowercase word says the word may be an untabled abbreviation.
func TestExplainNamesTheBracket(t *testing.T) {
	ru := For("ru")
	b := ru.Explain("(Прилепин — писатель. Но враг)")[0].Boundaries[0]
	if !strings.Contains(b.Reason, `inside the bracket "(Прилепин — писатель. Но враг)"`) {
		t.Errorf("reason %q does not name the bracket", b.Reason)
	}
	b = ru.Explain("Пришёл ректор. никто не встал")[0].Boundaries[0]
	if !strings.Contains(b.Reason, "may be an abbreviation missing from them") {
		t.Errorf("reason %q does not say why a lowercase word keeps the sentence", b.Reason)
	}
}

// TestExplainNamesTheLookalikes: a unit written with a Latin look-alike says how it was read.
func TestExplainNamesTheLookalikes(t *testing.T) {
	b := For("ru").Explain("-Коньяк - 1 cт.л. -Сахар - 1 стакан")[0].Boundaries[1]
	for _, want := range []string{`"cт.л."`, `looked up as "ст.л"`, "lookalikes table"} {
		if !strings.Contains(b.Reason, want) {
			t.Errorf("reason %q does not say %s", b.Reason, want)
		}
	}
	b = For("ru").Explain("Добавить 1 ст.л. сахара.")[0].Boundaries[1]
	if strings.Contains(b.Reason, "looked up as") {
		t.Errorf("reason %q speaks of look-alikes in an all-Cyrillic unit", b.Reason)
	}
}

// TestExplainNamesTheNumberBracket: a kept period before a bracketed year names the bracket.
func TestExplainNamesTheNumberBracket(t *testing.T) {
	b := For("ru").Explain("Антикиллер 2: Антитеррор. (2003).")[0].Boundaries[0]
	if !strings.Contains(b.Reason, `"(2003)"`) {
		t.Errorf("reason %q does not name the bracket", b.Reason)
	}
}

func TestExplainSplitsAsSplit(t *testing.T) {
	paths, _ := filepath.Glob("testdata/external/*.ru.txt")
	paths = append(paths, "testdata/segmentation.ru.txt", "testdata/segmentation.extra.ru.txt")
	ru := For("ru")
	var text strings.Builder
	for _, path := range paths {
		for _, tc := range readFixture(t, path) {
			text.WriteString(tc.input)
			text.WriteByte('\n')
		}
	}
	text.WriteString(mustRead(t, "testdata/announcement.ru.txt"))
	split := ru.Split(text.String())
	explained := ru.Explain(text.String())
	if len(split) != len(explained) {
		t.Fatalf("%d paragraphs split, %d explained", len(split), len(explained))
	}
	for i := range split {
		if !reflect.DeepEqual(split[i], explained[i].Paragraph) {
			t.Errorf("paragraph %d\n split: %q\nexplain: %q", i+1, split[i].Sentences, explained[i].Sentences)
		}
		splits := 0
		for _, b := range explained[i].Boundaries {
			if b.Split {
				splits++
			}
		}
		if want := len(split[i].Sentences) - 1; splits != want {
			t.Errorf("paragraph %d: %d boundaries split, want %d", i+1, splits, want)
		}
	}
}
