package publish

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"tilmash/internal/golden"
	"tilmash/internal/language"
)

// samplePage is a partial Arabic release with a hostile title: a paragraph
// that mixes Arabic and Russian, an Arabic one and a Russian one.
func samplePage() Page {
	at := time.Date(2026, 11, 29, 10, 30, 0, 0, time.UTC)
	return Page{Title: `Семинар <script>alert("x")</script> & co`, Lang: "ar", Dir: "rtl", Number: 3, Revision: 2,
		PublishedAt: at, URL: "https://t.example/releases/7/ar/3", LatestURL: "https://t.example/releases/7/ar/latest",
		Partial: true, Labels: LabelsFor("ar"),
		Paragraphs: Group([]int{1, 1, 2, 3, 3}, []Sentence{{Text: "ترجمة أ.", Lang: "ar"}, {Text: "Второе <b>предложение</b>.", Lang: "ru"},
			{Text: "ترجمة ب.", Lang: "ar"}, {Text: "Третий абзац.", Lang: "ru"}, {Text: "Ещё не переведён.", Lang: "ru"}}),
		Alternates: []Alternate{{Lang: "kk", NativeName: "қазақ тілі", URL: "https://t.example/releases/7/kk/latest"},
			{Lang: "ar", NativeName: "العربية", URL: "https://t.example/releases/7/ar/latest", Current: true}}}
}

func TestRenderGolden(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	p := samplePage()
	for _, f := range []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{"page.ar.html", func(b *bytes.Buffer) error { return r.HTML(b, p) }},
		{"page.ar.txt", func(b *bytes.Buffer) error { return Text(b, p) }},
		{"page.ar.json", func(b *bytes.Buffer) error { return JSON(b, p) }},
		{"gone.kk.html", func(b *bytes.Buffer) error {
			return r.GoneHTML(b, Withdrawal{Title: "Семинар", Lang: "kk", Dir: "ltr", Number: 2, PublishedAt: p.PublishedAt,
				WithdrawnAt: p.PublishedAt.Add(time.Hour), Reason: `Күні <өзгерді>`, LatestURL: "https://t.example/releases/7/kk/1",
				Labels: LabelsFor("kk")})
		}},
	} {
		var b bytes.Buffer
		if err := f.render(&b); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, f.name, b.Bytes())
	}
}

// TestHTMLEscapes: what people typed never becomes markup.
func TestHTMLEscapes(t *testing.T) {
	r, _ := NewRenderer()
	var b bytes.Buffer
	if err := r.HTML(&b, samplePage()); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script>", "<b>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %s", bad)
		}
	}
	for _, want := range []string{`<html lang="ar" dir="rtl">`, `<link rel="alternate" hreflang="kk" href="https://t.example/releases/7/kk/latest">`,
		`<span lang="ru" dir="ltr">Второе &lt;b&gt;предложение&lt;/b&gt;.</span>`, `@media print`, `aria-current="page"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, `hreflang="ar" href`) {
		t.Error("the page links to itself as an alternate")
	}
}

func TestLabelsFor(t *testing.T) {
	for _, c := range []struct{ lang, release string }{
		{"kk", "Шығарылым"}, {"ru", "Выпуск"}, {"en", "Release"}, {"ar", "الإصدار"}, {"nl", "Uitgave"},
		{"fa-AF", "نشر"}, {"ky", "Чыгарылыш"}, {"kk-KZ", "Шығарылым"}, {"en-GB", "Release"}, {"", "Release"}, {"de", "Release"},
	} {
		if got := LabelsFor(c.lang).Release; got != c.release {
			t.Errorf("LabelsFor(%q).Release = %q, want %q", c.lang, got, c.release)
		}
	}
	// Every seeded target language, and the source, has labels of its own.
	for _, l := range language.Seed() {
		if _, ok := labels[l.Tag]; !ok {
			t.Errorf("no release labels in %s (%s)", l.Tag, l.Name)
		}
	}
	for lang, l := range labels {
		if l.Release == "" || l.Published == "" || l.Languages == "" || l.Partial == "" || l.Withdrawn == "" || l.Reason == "" || l.Latest == "" {
			t.Errorf("labels of %s are incomplete: %+v", lang, l)
		}
	}
}

func TestIsHeadline(t *testing.T) {
	tests := []struct {
		name        string
		sources     []string
		paragraphOf []int
		want        bool
	}{
		{"a headline", []string{"В Алматы обсудили вопросы", "Сегодня."}, []int{1, 2}, true},
		{"a headline in quotes", []string{"«Алматы» форум", "Сегодня."}, []int{1, 2}, true},
		{"a sentence opens the text", []string{"Сегодня прошел семинар.", "Завтра."}, []int{1, 2}, false},
		{"a question", []string{"Что случилось?", "Сегодня."}, []int{1, 2}, false},
		{"an ellipsis", []string{"И вот…", "Сегодня."}, []int{1, 2}, false},
		{"closing quote after the stop", []string{"Он сказал: «всё хорошо.»", "Сегодня."}, []int{1, 2}, false},
		{"two sentences in the first paragraph", []string{"Первое", "Второе", "Сегодня."}, []int{1, 1, 2}, false},
		{"the only paragraph", []string{"В Алматы обсудили вопросы"}, []int{1}, false},
		{"empty", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsHeadline(tt.sources, tt.paragraphOf); got != tt.want {
				t.Errorf("IsHeadline(%q) = %v, want %v", tt.sources, got, tt.want)
			}
		})
	}
}

func TestHeading(t *testing.T) {
	head := Paragraph{{Text: "Алматыда семинар өтті", Lang: "kk"}}
	body := Paragraph{{Text: "Бүгін.", Lang: "kk"}}
	title := Sentence{Text: "Семинар", Lang: "ru"}
	for _, tt := range []struct {
		name     string
		headline bool
		paras    []Paragraph
		want     Sentence
		rest     int
	}{
		{"a headline", true, []Paragraph{head, body}, head[0], 1},
		{"a headline shown in the source (partial)", true, []Paragraph{{{Text: "В Алматы", Lang: "ru"}}, body}, Sentence{Text: "В Алматы", Lang: "ru"}, 1},
		{"no headline", false, []Paragraph{head, body}, title, 2},
		{"a headline flag on one paragraph", true, []Paragraph{head}, title, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, rest := Page{Title: "Семинар", Lang: "kk", Headline: tt.headline, Paragraphs: tt.paras}.Heading()
			if got != tt.want || len(rest) != tt.rest {
				t.Errorf("Heading() = %+v and %d paragraphs, want %+v and %d", got, len(rest), tt.want, tt.rest)
			}
		})
	}
}

// TestHTMLHeadline: a translated headline titles the page once, in the
// page's language; the Russian document title does not appear.
func TestHTMLHeadline(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	p := Page{Title: "Семинар в Алматы", Lang: "kk", Dir: "ltr", Number: 1, Labels: LabelsFor("kk"), Headline: true,
		Paragraphs: []Paragraph{{{Text: "Алматыда <семинар> өтті", Lang: "kk"}}, {{Text: "Бүгін.", Lang: "kk"}}}}
	var b bytes.Buffer
	if err := r.HTML(&b, p); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"<title>Алматыда &lt;семинар&gt; өтті</title>", "<h1>Алматыда &lt;семинар&gt; өтті</h1>", "<p>Бүгін.</p>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s:\n%s", want, page)
		}
	}
	if strings.Count(page, "&lt;семинар&gt;") != 2 || strings.Contains(page, "Семинар в Алматы") {
		t.Errorf("the headline is not exactly in <title> and <h1>, or the Russian title shows:\n%s", page)
	}
	var txt bytes.Buffer
	if err := Text(&txt, p); err != nil {
		t.Fatal(err)
	}
	if got := txt.String(); got != "Алматыда <семинар> өтті\n\nБүгін.\n" {
		t.Errorf("Text = %q", got)
	}
	// The JSON is titled as the page is; the Russian title is source_title.
	var js bytes.Buffer
	if err := JSON(&js, p); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Title       string `json:"title"`
		SourceTitle string `json:"source_title"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Title != "Алматыда <семинар> өтті" || got.SourceTitle != "Семинар в Алматы" {
		t.Errorf("JSON title %q, source_title %q; want the headline and the Russian title", got.Title, got.SourceTitle)
	}
}

// TestTextPartial: the plain text of a partial release says so under the
// heading, in the release's language, as the HTML page does; a complete
// release's text has no such line.
func TestTextPartial(t *testing.T) {
	for _, tc := range []struct {
		name    string
		partial bool
		want    string
	}{
		{"partial", true, "Семинар\n\nКейбір үзінділер әлі аударылмаған, олар орыс тілінде берілген.\n\nБүгін. Семинар өтті.\n"},
		{"complete", false, "Семинар\n\nБүгін. Семинар өтті.\n"},
		{"paragraphs", false, "Семинар\n\nБүгін. Семинар өтті.\n\nЕкінші абзац.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Page{Title: "Семинар", Lang: "kk", Dir: "ltr", Number: 1, Partial: tc.partial, Labels: LabelsFor("kk"),
				Paragraphs: Group([]int{1, 1}, []Sentence{{Text: "Бүгін.", Lang: "kk"}, {Text: "Семинар өтті.", Lang: "ru"}})}
			if tc.name == "paragraphs" {
				p.Paragraphs = append(p.Paragraphs, Paragraph{{Text: "Екінші абзац.", Lang: "kk"}})
			}
			var b bytes.Buffer
			if err := Text(&b, p); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tc.want {
				t.Errorf("Text = %q, want %q", got, tc.want)
			}
		})
	}
}
