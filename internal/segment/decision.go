package segment

// rule names what decided a candidate sentence end. The scanner returns it with every decision
// at no cost to speed; only Explain turns it into words.
type rule uint8

const (
	ruleNone           rule = iota
	ruleParagraphEnd        // only closing marks follow up to the end of the paragraph
	ruleTrailing            // only symbols, emoji or tags follow up to the end of the paragraph
	ruleLeading             // the marks open the sentence: nothing but opening marks before them
	ruleNoSpace             // no space after the mark: only before a capitalized word
	ruleNoSpaceAddr         // no space, inside a web or e-mail address
	ruleNoSpaceCaps         // no space, and the next word has no lowercase letter (ASP.NET)
	ruleNoSpaceLatin        // no space, Latin on both sides (Gov.Kz, Node.js)
	ruleStrong              // ? or !
	ruleStrongLower         // ? or ! directly before a lowercase word (user-written text, verse)
	ruleCloserPeriod        // a period after a closing quote or bracket ("».", ").")
	ruleEllipsis            // … or ...
	rulePlain               // a period after an ordinary word or number
	ruleLowerAfterWord      // a period after a whole word, directly before a lowercase word
	ruleURL                 // a period after the tail of an address
	ruleAbbrevPrefix        // an abbreviation that introduces what follows
	ruleAbbrevPostfix       // an abbreviation that follows a name or a number
	ruleAbbrevAmount        // an amount after a number
	ruleAbbrevList          // an abbreviation that closes an enumeration
	ruleAbbrevEra           // an era (до н.э.)
	ruleAbbrevDate          // a year or a century after a number
	ruleAbbrevUnit          // a unit after a number
	ruleAbbrevPlace         // the last word of a place name (обл., р-н)
	ruleInitial             // a single capital letter
	ruleListNumber          // a list number at the start of a sentence or after a colon
	ruleHeading             // a heading number (IV., § 3., Глава 2.)
	ruleRoman               // a Roman numeral after a word (Пётр I., Твртко I.)
	ruleInsidePair          // inside a matched quotation or bracket
	ruleEmoticon            // an emoticon in user-written text
	ruleNumberBracket       // a bracketed number alone after the mark: "Антитеррор. (2003)."
)

// decision is the scanner's verdict on one candidate sentence end. from and to delimit the token
// that decided it (an abbreviation, an initial, a number, an emoticon), word the next word or
// the verb that mattered; both are empty when nothing in particular did.
type decision struct {
	split    bool
	rule     rule
	from, to int
	word     [2]int
	// bracket is the bracket that begins with a capital and holds the split ("(Прилепин —
	// писатель. Но враг)"), empty elsewhere; Explain names it.
	bracket [2]int
}

func keep(r rule) decision  { return decision{rule: r} }
func split(r rule) decision { return decision{split: true, rule: r} }

// on sets the deciding token.
func (d decision) on(from, to int) decision {
	d.from, d.to = from, to
	return d
}

// with sets the word that mattered.
func (d decision) with(from, to int) decision {
	d.word = [2]int{from, to}
	return d
}

// verdict splits or keeps by ok.
func verdict(ok bool, r rule) decision { return decision{split: ok, rule: r} }
