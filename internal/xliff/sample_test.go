package xliff

// sampleHeader and sampleUnits are a realistic export: a Russian press
// announcement with every state, a rejection comment, an outdated unit with
// its previous source, and text that needs escaping and preserved spaces.
func sampleHeader(target string) Header {
	return Header{
		DocumentID: 42,
		Title:      "Пресс-релиз: «Встреча делегаций» & <итоги>",
		Revision:   3,
		SourceLang: "ru",
		TargetLang: target,
	}
}

func sampleUnitsKK() []Unit {
	return []Unit{
		{SegmentID: 101, Paragraph: 1, Source: "Встреча делегаций состоится 12 мая в Астане.", Target: "Делегациялар кездесуі 12 мамырда Астанада өтеді.", State: "approved", Version: 4},
		{SegmentID: 102, Paragraph: 1, Source: "Участники обсудят вопросы торговли и транспорта.", Target: "Қатысушылар сауда және көлік мәселелерін талқылайды.", State: "published", Version: 2},
		{SegmentID: 103, Paragraph: 2, Source: "Регистрация открыта до 10 мая.", Target: "Тіркеу 10 мамырға дейін ашық.", State: "translated", Version: 1},
		{SegmentID: 104, Paragraph: 2, Source: "Справки по телефону +7 (7172) 00-00-00.", Target: "", State: "untranslated", Version: 0},
		{SegmentID: 105, Paragraph: 3, Source: "Программа включает «круглый стол» & <пресс-подход>.", Target: "Бағдарламаға «дөңгелек үстел» & <баспасөз тәсілі> кіреді.", State: "rejected", Version: 3, Comment: "«Пресс-подход» — это брифинг; не «тәсіл». См. глоссарий."},
		{SegmentID: 106, Paragraph: 3, Source: "Начало в 10:00 по времени Астаны.", Target: "Басталуы Астана уақытымен 09:00-де.", State: "outdated", Version: 2, PreviousSource: "Начало в 09:00 по времени Астаны."},
		{SegmentID: 107, Paragraph: 4, Source: "Цитата: \"Мы  готовы\"\tк сотрудничеству. ", Target: "Дәйексөз: \"Біз  дайынбыз\"\tынтымақтастыққа. ", State: "translated", Version: 5},
	}
}

func sampleUnitsAR() []Unit {
	return []Unit{
		{SegmentID: 101, Paragraph: 1, Source: "Встреча делегаций состоится 12 мая в Астане.", Target: "سيُعقد اجتماع الوفود في 12 مايو في أستانا.", State: "approved", Version: 1},
		{SegmentID: 102, Paragraph: 1, Source: "Участники обсудят вопросы торговли и транспорта.", Target: "سيناقش المشاركون قضايا التجارة والنقل.", State: "published", Version: 1},
		{SegmentID: 103, Paragraph: 2, Source: "Регистрация открыта до 10 мая.", Target: "التسجيل مفتوح حتى 10 مايو.", State: "translated", Version: 2},
		{SegmentID: 104, Paragraph: 2, Source: "Справки по телефону +7 (7172) 00-00-00.", Target: "", State: "untranslated", Version: 0},
		{SegmentID: 105, Paragraph: 3, Source: "Программа включает «круглый стол» & <пресс-подход>.", Target: "يتضمن البرنامج <script>alert(1)</script> & \"مائدة مستديرة\".", State: "rejected", Version: 1, Comment: "Уберите разметку, переведите «пресс-подход»."},
		{SegmentID: 106, Paragraph: 3, Source: "Начало в 10:00 по времени Астаны.", Target: "البداية الساعة 09:00 بتوقيت أستانا.", State: "outdated", Version: 1, PreviousSource: "Начало в 09:00 по времени Астаны."},
		{SegmentID: 107, Paragraph: 4, Source: "Строка 1\r\nСтрока 2", Target: "\u200fالسطر 1\r\nالسطر 2 😀", State: "translated", Version: 7},
	}
}
