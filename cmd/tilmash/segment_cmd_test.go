package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSegmentCommand(t *testing.T) {
	in := "Корпус открыли в мае 2019 г. Новый корпус открыт.\n\nСпасибо :) Увидимся завтра.\n"
	if got, want := runCLI(t, in, "segment"), "Корпус открыли в мае 2019 г.\nНовый корпус открыт.\n\nСпасибо :)\nУвидимся завтра.\n"; got != want {
		t.Errorf("segment printed %q, want %q", got, want)
	}
	want := "Корпус открыли в мае 2019 г.\n" +
		"\tsplit\t…ус открыли в мае 2019 г.| Новый корпус открыт.\tabbreviation-date: sentence ends: \"г.\" is a date after a number (dates table) and the sentence already has its finite verb \"открыли\", before the capitalized word \"Новый\"\n" +
		"Новый корпус открыт.\n" +
		"\n" +
		"Спасибо :)\n" +
		"\tsplit\tСпасибо :)| Увидимся завтра.\temoticon: sentence ends: the emoticon \":)\" before the capitalized word \"Увидимся\"\n" +
		"Увидимся завтра.\n"
	if got := runCLI(t, in, "segment", "--explain"); got != want {
		t.Errorf("segment --explain printed\n%s\nwant\n%s", got, want)
	}
}

// TestSegmentExplainKeepsSegments: with --explain, the lines that are not explanations are the
// normal output, on the announcement.
func TestSegmentExplainKeepsSegments(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("demo", "announcement.ru.txt"))
	if err != nil {
		t.Fatal(err)
	}
	plain := runCLI(t, string(data), "segment")
	var kept []string
	explained := runCLI(t, string(data), "segment", "--explain")
	for _, line := range strings.SplitAfter(explained, "\n") {
		if !strings.HasPrefix(line, "\t") {
			kept = append(kept, line)
		}
	}
	if strings.Join(kept, "") != plain {
		t.Errorf("--explain segments differ from the plain output:\n%s", explained)
	}
	if !strings.Contains(explained, "\tkeep\t") || !strings.Contains(explained, "abbreviation-") {
		t.Errorf("--explain names no kept abbreviation:\n%s", explained)
	}
}

func TestSegmentExplainInvalidUTF8(t *testing.T) {
	err := run(t.Context(), []string{"segment", "--explain"}, strings.NewReader("Да \xff нет."), &strings.Builder{}, &strings.Builder{})
	if err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("err = %v, want an invalid UTF-8 error", err)
	}
}
