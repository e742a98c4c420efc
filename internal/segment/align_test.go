package segment

import (
	"reflect"
	"testing"
)

func TestAlign(t *testing.T) {
	const (
		a = "Семинар по укреплению институтов госуправления прошёл в Алматы."
		b = "В нём участвовали представители более десяти стран региона."
		c = "Участники обсудили пути трансформации учебных заведений и лидерства."
		d = "Следующая встреча пройдёт в Душанбе весной будущего года."
	)
	tests := []struct {
		name     string
		old, new []string
		want     []Link
	}{
		{"unchanged", []string{a, b, c}, []string{a, b, c},
			[]Link{{0, true}, {1, true}, {2, true}}},
		{"reordered paragraphs", []string{a, b, c, d}, []string{c, d, a, b},
			[]Link{{2, true}, {3, true}, {0, true}, {1, true}}},
		{"one sentence changed", []string{a, b, c},
			[]string{a, "В нём участвовали представители более двенадцати стран региона.", c},
			[]Link{{0, true}, {1, false}, {2, true}}},
		{"sentence split in two",
			[]string{a, "Участники обсудили пути трансформации учебных заведений, а также вопросы инновационного лидерства в госуправлении.", d},
			[]string{a, "Участники обсудили пути трансформации учебных заведений.", "Также обсуждались вопросы инновационного лидерства в госуправлении.", d},
			[]Link{{0, true}, {1, false}, {1, false}, {2, true}}},
		{"brand new sentence", []string{a, b}, []string{a, "Совсем другое сообщение без общих слов.", b},
			[]Link{{0, true}, {-1, false}, {1, true}}},
		{"short new sentence sharing words is new", []string{a, b}, []string{"Семинар прошёл.", a, b},
			[]Link{{-1, false}, {0, true}, {1, true}}},
		{"duplicates pair in order", []string{"Да.", a, "Да.", b}, []string{"Да.", "Да.", "Да.", a},
			// the third "Да." derives from the nearest old one
			[]Link{{0, true}, {2, true}, {2, false}, {1, true}}},
		{"removed sentence", []string{a, b, c}, []string{a, c},
			[]Link{{0, true}, {2, true}}},
		{"empty old", nil, []string{a}, []Link{{-1, false}}},
		{"empty new", []string{a}, nil, []Link{}},
		{"changed duplicate prefers the unconsumed old one",
			[]string{a, a + " Добавлено."}, []string{a, a + " Изменено."},
			[]Link{{0, true}, {1, false}}},
		{"merged sentences map to one of them", []string{a, b}, []string{"Семинар по укреплению институтов госуправления прошёл в Алматы, и в нём участвовали представители более десяти стран региона."},
			[]Link{{0, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Align(tc.old, tc.new)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Align\n got: %v\nwant: %v", got, tc.want)
			}
		})
	}
}

// TestAlignAnnouncementRevision runs the acceptance scenario on the segmenter's own
// output: one sentence changed, two paragraphs swapped, one sentence split in two.
func TestAlignAnnouncementRevision(t *testing.T) {
	ru := For("ru")
	var old []string
	for _, p := range ru.Split(mustRead(t, "testdata/announcement.ru.txt")) {
		old = append(old, p.Sentences...)
	}
	paras := ru.Split(mustRead(t, "testdata/announcement.ru.txt"))
	paras[4], paras[5] = paras[5], paras[4]
	var revised []string
	for _, p := range paras {
		revised = append(revised, p.Sentences...)
	}
	// old[1] (paragraph 2, first sentence) is corrected; old[16] is split in two.
	const corrected = "Сегодня в Алматы представители более двенадцати стран собрались для обсуждения путей развития потенциала госслужащих - их знаний и навыков, лидерских качеств и мышления."
	revised[1] = corrected
	last := len(revised) - 1
	first, second := "Напомним, 16 июля 2019 года в Штаб-квартире ООН в Нью-Йорке Казахстан презентовал первый Добровольный Национальный Обзор о реализации Повестки Дня до 2030 года.",
		"Обзор был представлен в области устойчивого развития в ходе политического форума высокого уровня - центральной платформы ООН."
	revised = append(revised[:last], first, second)

	links := Align(old, revised)
	if len(links) != len(revised) {
		t.Fatalf("%d links for %d segments", len(links), len(revised))
	}
	same, changed := 0, map[int]int{}
	for j, l := range links {
		if l.Same {
			same++
			if old[l.Old] != revised[j] {
				t.Errorf("segment %d marked same but texts differ", j)
			}
			continue
		}
		changed[j] = l.Old
	}
	if same != 15 {
		t.Errorf("%d identical segments, want 15", same)
	}
	want := map[int]int{1: 1, last: 16, last + 1: 16}
	if !reflect.DeepEqual(changed, want) {
		t.Errorf("changed segments map %v, want %v", changed, want)
	}
}
