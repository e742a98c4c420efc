package segment

// latinTitles are abbreviations shared by texts in Latin-script languages and quoted in others.
var latinTitles = []string{
	"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "St.", "Mt.", "Gen.", "Col.", "Capt.", "Lt.",
	"Sgt.", "Rev.", "Hon.", "Pres.", "Gov.", "Sen.", "Rep.", "Amb.", "Fig.", "No.", "Nos.",
	"Vol.", "pp.", "p.", "ch.", "sec.", "art.", "approx.", "cf.", "e.g.", "i.e.", "vs.", "viz.",
	"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
	"Mon.", "Tue.", "Wed.", "Thu.", "Fri.", "Sat.", "Sun.", "Ave.", "Blvd.", "Rd.", "Str.",
	"ca.", "Ph.D.", "a.m.", "p.m.", "U.S.", "U.K.", "U.N.", "P.S.", "P.P.S.",
}

// latinLists close an enumeration or a company name and may end a sentence.
var latinLists = []string{"etc.", "et al.", "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "LLC.", "LLP."}

var englishRules = ruleSet{
	prefix:   latinTitles,
	list:     latinLists,
	starters: []string{"a", "an", "the", "this", "that", "these", "those", "it", "he", "she", "we", "they", "i", "in", "on", "at", "for", "but", "and", "as", "if", "when", "there", "its", "our", "their", "his", "her", "after", "before", "during", "however", "meanwhile"},
}

// kazakhRules: ж. (жыл, year), көш. (street), т.б. (and so on) and the Russian units that Kazakh
// press texts also use.
var kazakhRules = ruleSet{
	prefix: append([]string{
		"ж.", "жж.", "ғ.", "ғғ.", "көш.", "даң.", "ш.а.", "қ.", "обл.", "ауд.", "ауд.", "млн.",
		"млрд.", "мың.", "тг.", "с.", "б.", "т.", "бет.", "үй.", "пәт.", "проф.", "акад.", "им.",
		"г.", "ул.", "д.", "пр.", "т.е.", "т.с.", "яғни.",
	}, latinTitles...),
	list:     append([]string{"т.б.", "т. б.", "т.с.с.", "т. с. с.", "т.т.", "и т.д.", "и др."}, latinLists...),
	starters: []string{"бұл", "ол", "олар", "біз", "сол", "осы", "бірақ", "алайда", "және", "сондай-ақ", "сонымен", "мен", "сен", "сіз", "біздің", "оның"},
}

// genericRules apply to languages without their own tables: punctuation, numbers, initials,
// addresses and the international abbreviations.
var genericRules = ruleSet{
	prefix: latinTitles,
	list:   latinLists,
}
