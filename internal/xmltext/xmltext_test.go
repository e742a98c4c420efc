package xmltext

import (
	"encoding/xml"
	"strings"
	"testing"

	"tilmash/internal/apperr"
)

func TestFind(t *testing.T) {
	cases := []struct {
		in   string
		want Bad
		bad  bool
	}{
		{"", Bad{}, false},
		{"Тест\tс\nтабом\r.", Bad{}, false},
		{"Жол\u000bбөлу", Bad{Rune: 0x0B, Byte: 6, Char: 4}, true},
		{"a\x07", Bad{Rune: 0x07, Byte: 1, Char: 2}, true},
		{"x\x00", Bad{Rune: 0, Byte: 1, Char: 2}, true},
		{"ок\uFFFE", Bad{Rune: 0xFFFE, Byte: 4, Char: 3}, true},
		{"\uFFFF", Bad{Rune: 0xFFFF, Byte: 0, Char: 1}, true},
		{"\uFFFD is fine, so is \U0001F600", Bad{}, false},
		{"ab\xed\xa0\x80", Bad{Rune: 0xFFFD, Byte: 2, Char: 3, Invalid: true}, true}, // a lone surrogate encoded as UTF-8
		{"\x7f\u0085", Bad{}, false},                                                 // DEL and C1 controls are XML 1.0 Chars
	}
	for _, c := range cases {
		got, bad := Find(c.in)
		if got != c.want || bad != c.bad {
			t.Errorf("Find(%q) = %+v, %v; want %+v, %v", c.in, got, bad, c.want, c.bad)
		}
	}
}

func TestCheck(t *testing.T) {
	if err := Check("paragraph 1", "Всё в порядке."); err != nil {
		t.Fatal(err)
	}
	err := Check("paragraph 2", "Новая\u000bстрока")
	e, ok := apperr.As(err)
	want := "paragraph 2 has U+000B at character 6, which XML 1.0 cannot carry; remove it and try again"
	if !ok || e.Code != apperr.Unprocessable || e.Message != want || e.Details["char"] != "U+000B" || e.Details["position"] != 6 {
		t.Fatalf("Check = %#v, want %q", err, want)
	}
	e, _ = apperr.As(Check("the text", "a\xffb"))
	if e == nil || e.Message != "the text has invalid UTF-8 byte 0xFF at character 2, which XML 1.0 cannot carry; remove it and try again" {
		t.Fatalf("invalid UTF-8: %v", e)
	}
}

func TestReplace(t *testing.T) {
	cases := []struct {
		in, out string
		n       int
	}{
		{"чисто", "чисто", 0},
		{"a\x0bb\x07", "a\uFFFDb\uFFFD", 2},
		{"\xed\xa0\x80x", "\uFFFD\uFFFD\uFFFDx", 3}, // each byte of the bad sequence
		{"\uFFFE\uFFFF", "\uFFFD\uFFFD", 2},
	}
	for _, c := range cases {
		out, n := Replace(c.in)
		if out != c.out || n != c.n {
			t.Errorf("Replace(%q) = %q, %d; want %q, %d", c.in, out, n, c.out, c.n)
		}
		if _, bad := Find(out); bad {
			t.Errorf("Replace(%q) left a bad character", c.in)
		}
	}
}

func FuzzReplace(f *testing.F) {
	f.Add("a\x0bb")
	f.Add("\xed\xa0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		out, n := Replace(s)
		if _, bad := Find(out); bad {
			t.Fatalf("Replace(%q) = %q still has a bad character", s, out)
		}
		if _, bad := Find(s); bad != (n > 0) {
			t.Fatalf("Replace(%q) replaced %d, Find says bad=%v", s, n, bad)
		}
	})
}

func TestIsCharError(t *testing.T) {
	d := xml.NewDecoder(strings.NewReader("<a>x&#x7;</a>"))
	var err error
	for err == nil {
		_, err = d.Token()
	}
	if !IsCharError(err) {
		t.Errorf("IsCharError(%v) = false", err)
	}
	if IsCharError(&xml.SyntaxError{Msg: "unexpected EOF"}) {
		t.Error("IsCharError(unexpected EOF) = true")
	}
}
