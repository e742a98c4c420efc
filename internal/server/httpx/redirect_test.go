package httpx

import "testing"

func TestLocalPath(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "/"},
		{"/", "/"},
		{"/translate/1/kk", "/translate/1/kk"},
		{"/translate/1/kk?page=2&state=open", "/translate/1/kk?page=2&state=open"},
		{"/review/kk#s12", "/review/kk#s12"},
		{"//evil.example", "/"},
		{"///evil.example", "/"},
		{"/\\evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"/\t/evil.example/x", "/"},
		{"/\v/evil.example/x", "/"},
		{"/\r\n/evil.example", "/"},
		{"/a\x00b", "/"},
		{"/a\u0085b", "/"}, // C1 next line
		{"/a\x7fb", "/"},
		{"/a\xffb", "/"}, // not UTF-8
		{"https://evil.example", "/"},
		{"http:/evil.example", "/"},
		{"evil.example", "/"},
		{"javascript:alert(1)", "/"},
		{" /x", "/"},
		{"/%2F/evil.example", "/%2F/evil.example"}, // still a path here; the browser keeps it on this host
		{"/документы", "/документы"},
	}
	for _, c := range cases {
		if got := LocalPath(c.in); got != c.want {
			t.Errorf("LocalPath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/x", "//x", "/\\x", "/\t/x", "https://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := LocalPath(in)
		if got == "/" {
			return
		}
		if got != in || len(got) < 2 || got[0] != '/' || got[1] == '/' || got[1] == '\\' {
			t.Fatalf("LocalPath(%q) = %q", in, got)
		}
	})
}
