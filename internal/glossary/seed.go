package glossary

import "slices"

// Seed returns the starter glossary for a target language: the bodies and
// fixed phrases of the announcements the service was built for, with their
// official renderings. It knows kk and en and returns nil for any other
// language. Every call returns a fresh slice.
func Seed(targetLang string) []Term {
	var src []Term
	switch targetLang {
	case "kk":
		src = seedKK
	case "en":
		src = seedEN
	default:
		return nil
	}
	out := make([]Term, len(src))
	for i, t := range src {
		t.Forbidden = slices.Clone(t.Forbidden)
		out[i] = t
	}
	return out
}

var seedEN = []Term{
	{Source: "Академия государственного управления при Президенте Республики Казахстан",
		Target:    "Academy of Public Administration under the President of the Republic of Kazakhstan",
		Forbidden: []string{"Academy of State Management", "Academy of State Administration"}},
	{Source: "Академия госуправления при Президенте РК",
		Target:    "Academy of Public Administration under the President of the Republic of Kazakhstan",
		Note:      "Always the full official name, never \"RK\".",
		Forbidden: []string{"Academy of State Management", "Academy of State Administration", "President of RK"}},
	{Source: "Программа развития ООН", Target: "United Nations Development Programme",
		Note:      "UN spelling: Programme.",
		Forbidden: []string{"United Nations Development Program", "UN Development Program"}},
	{Source: "ПРООН", Target: "UNDP", Forbidden: []string{"UNPD", "PROON"}},
	{Source: "Постоянный представитель ПРООН", Target: "UNDP Resident Representative",
		Note:      "A UN agency's head in a country is its Resident Representative; \"Permanent Representative\" is a diplomat at the UN.",
		Forbidden: []string{"Permanent Representative of UNDP", "UNDP Permanent Representative"}},
	{Source: "Департамент по экономическим и социальным вопросам ООН",
		Target:    "United Nations Department of Economic and Social Affairs",
		Forbidden: []string{"Department on Economic and Social Issues"}},
	{Source: "ДЭСВ ООН", Target: "UN DESA", Forbidden: []string{"UN DESV", "DESV"}},
	{Source: "ООН", Target: "UN", Note: "\"United Nations\" where it stands alone as a noun."},
	{Source: "Саммит ООН", Target: "UN Summit"},
	{Source: "Штаб-квартира ООН", Target: "UN Headquarters"},
	{Source: "государства-члены ООН", Target: "UN Member States"},
	{Source: "цели устойчивого развития", Target: "Sustainable Development Goals"},
	{Source: "ЦУР", Target: "SDGs", Forbidden: []string{"SDG's", "TsUR"}},
	{Source: "устойчивое развитие", Target: "sustainable development"},
	{Source: "Повестка дня в области устойчивого развития до 2030 года",
		Target:    "2030 Agenda for Sustainable Development",
		Forbidden: []string{"Agenda of the Day"}},
	{Source: "Повестка дня", Target: "Agenda",
		Note:      "The UN's 2030 Agenda; never a meeting's agenda of the day.",
		Forbidden: []string{"Agenda of the Day", "Day Agenda"}},
	{Source: "госуправление", Target: "public administration",
		Forbidden: []string{"state management", "state governance"}},
	{Source: "государственное управление", Target: "public administration",
		Forbidden: []string{"state management", "state governance"}},
	{Source: "госслужащий", Target: "civil servant", Forbidden: []string{"state servant", "state employee"}},
	{Source: "госслужба", Target: "civil service", Forbidden: []string{"state service"}},
	{Source: "Астанинский хаб госслужбы", Target: "Astana Civil Service Hub",
		Note:      "Not \"Astana Hub\", which is a different organisation (an IT park).",
		Forbidden: []string{"Astana Hub", "Astana Hub of Civil Service", "Astana Public Service Hub"}},
	{Source: "Государственная корпорация «Правительство для граждан»",
		Target:    "State Corporation “Government for Citizens”",
		Forbidden: []string{"Government to Citizens", "Government for the Citizens"}},
	{Source: "Центр обслуживания населения", Target: "Public Service Center",
		Forbidden: []string{"Population Service Center", "Population Service Centre"}},
	{Source: "Министерство иностранных дел", Target: "Ministry of Foreign Affairs"},
	{Source: "МИД", Target: "Ministry of Foreign Affairs", Forbidden: []string{"MID"}},
	{Source: "Республика Казахстан", Target: "Republic of Kazakhstan"},
	{Source: "РК", Target: "Republic of Kazakhstan", Forbidden: []string{"RK"}},
	{Source: "НАО", Target: "NJSC", Note: "Non-profit joint-stock company.", Forbidden: []string{"NAO"}},
	{Source: "госорган", Target: "government agency", Forbidden: []string{"gosorgan"}},
	{Source: "Добровольный национальный обзор", Target: "Voluntary National Review"},
	{Source: "Политический форум высокого уровня", Target: "High-level Political Forum"},
}

var seedKK = []Term{
	{Source: "Академия государственного управления при Президенте Республики Казахстан",
		Target: "Қазақстан Республикасының Президенті жанындағы Мемлекеттік басқару академиясы"},
	{Source: "Академия госуправления при Президенте РК",
		Target: "Қазақстан Республикасының Президенті жанындағы Мемлекеттік басқару академиясы",
		Note:   "Ресми толық атауы."},
	{Source: "Программа развития ООН", Target: "Біріккен Ұлттар Ұйымының Даму бағдарламасы"},
	{Source: "ПРООН", Target: "БҰҰДБ", Note: "Біріккен Ұлттар Ұйымының Даму бағдарламасы.",
		Forbidden: []string{"ПРООН", "БҰҰ ДБ"}},
	{Source: "Постоянный представитель ПРООН", Target: "БҰҰДБ-ның тұрақты өкілі"},
	{Source: "Департамент по экономическим и социальным вопросам ООН",
		Target: "БҰҰ Экономикалық және әлеуметтік мәселелер департаменті"},
	{Source: "ДЭСВ ООН", Target: "БҰҰ Экономикалық және әлеуметтік мәселелер департаменті",
		Note:      "Қазақ тілінде ДЭСВ қысқартуы қолданылмайды.",
		Forbidden: []string{"ДЭСВ"}},
	{Source: "ООН", Target: "БҰҰ", Note: "Біріккен Ұлттар Ұйымы.", Forbidden: []string{"ООН"}},
	{Source: "Саммит ООН", Target: "БҰҰ саммиті"},
	{Source: "Штаб-квартира ООН", Target: "БҰҰ штаб-пәтері"},
	{Source: "государства-члены ООН", Target: "БҰҰ-ға мүше мемлекеттер"},
	{Source: "цели устойчивого развития", Target: "Тұрақты даму мақсаттары"},
	{Source: "ЦУР", Target: "ТДМ", Note: "Тұрақты даму мақсаттары.", Forbidden: []string{"ЦУР"}},
	{Source: "устойчивое развитие", Target: "тұрақты даму"},
	{Source: "Повестка дня в области устойчивого развития до 2030 года",
		Target: "Тұрақты даму саласындағы 2030 жылға дейінгі күн тәртібі"},
	{Source: "Повестка дня", Target: "күн тәртібі"},
	{Source: "госуправление", Target: "мемлекеттік басқару",
		Note:      "Басқарма – мекеменің бөлімі, басқару емес.",
		Forbidden: []string{"мемлекеттік басқарма"}},
	{Source: "государственное управление", Target: "мемлекеттік басқару",
		Forbidden: []string{"мемлекеттік басқарма"}},
	{Source: "госслужащий", Target: "мемлекеттік қызметші",
		Note:      "Заңдағы термин; «қызметкер» – кез келген жұмыскер.",
		Forbidden: []string{"мемлекеттік қызметкер"}},
	{Source: "госслужба", Target: "мемлекеттік қызмет"},
	{Source: "Астанинский хаб госслужбы", Target: "Мемлекеттік қызмет саласындағы Астана хабы",
		Forbidden: []string{"Астана хабы мемлекеттік қызметі"}},
	{Source: "Государственная корпорация «Правительство для граждан»",
		Target:    "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы",
		Forbidden: []string{"Үкімет азаматтар үшін"}},
	{Source: "Центр обслуживания населения", Target: "Халыққа қызмет көрсету орталығы",
		Forbidden: []string{"ЦОН"}},
	{Source: "Министерство иностранных дел", Target: "Сыртқы істер министрлігі"},
	{Source: "МИД", Target: "СІМ", Note: "Сыртқы істер министрлігі.", Forbidden: []string{"МИД"}},
	{Source: "Республика Казахстан", Target: "Қазақстан Республикасы"},
	{Source: "РК", Target: "ҚР", Forbidden: []string{"РК"}},
	{Source: "НАО", Target: "КеАҚ", Note: "Коммерциялық емес акционерлік қоғам.", Forbidden: []string{"НАО"}},
	{Source: "госорган", Target: "мемлекеттік орган"},
	{Source: "Добровольный национальный обзор", Target: "Ерікті ұлттық шолу"},
	{Source: "Политический форум высокого уровня", Target: "Жоғары деңгейдегі саяси форум"},
}
