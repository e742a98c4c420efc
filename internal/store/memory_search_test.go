package store

import "testing"

func TestFold(t *testing.T) {
	tests := map[string]string{
		"В Астане":     "в астане",
		"ӘКІМ Қалада":  "әкім қалада",
		"Е\u0308ЛКА":   "ёлка", // NFD upper case → NFC lower case
		"е\u0308лка":   "ёлка",
		"aLMaty 50%_":  "almaty 50%_",
		"ҮҢҒҰӨҺ":       "үңғұөһ",
		"уже в нижнем": "уже в нижнем",
		"":             "",
	}
	for in, want := range tests {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
