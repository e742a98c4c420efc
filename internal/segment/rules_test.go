package segment

import (
	"reflect"
	"testing"
)

// TestRuleFamilies pins each rule family of the Russian tables in both directions: the case it
// splits and the counter-examples it must keep whole. One segment per "|".
func TestRuleFamilies(t *testing.T) {
	tests := []struct {
		family string
		want   []string
	}{
		// A date after a number ends the sentence once the sentence has its finite verb.
		{"date", []string{"Корпус открыли в мае 2019 г.", "Новый корпус вмещает 300 студентов."}},
		{"date", []string{"Школа работала и в 1941–1945 гг.", "Многие выпускники ушли на фронт."}},
		{"date", []string{"Эта связь продолжалась с 1916 по 1919 гг.", "При встрече он ввёл сыворотку."}},
		{"date", []string{"Реформы начались в 1990-х гг.", "Назарбаев подписал указ о реформе."}},
		{"date", []string{"Храм построили в XIX в.", "Сейчас в нём музей."}},
		{"date", []string{"Он учился в Казани до 1826 г.", "Родился в 1808 г. в семье чиновника."}},
		{"date", []string{"Первая кинокомпания была основана в 1912 г., а вторая — в 1916 г.", "Самым удачным стал фильм «Эль Греко»."}},
		{"date", []string{"Библиотекой руководила Матвеева, которая возглавляла её до апреля 2009 г.", "В 1907 году он окончил училище."}},
		{"date", []string{"В 2019 г. Казахстан представил доклад в ООН."}},
		{"date", []string{"Он отметил, что в 2019 г. Казахстан увеличил экспорт."}},
		{"date", []string{"Как сообщает пресс-служба, в 2019 г. Министерство открыло десять школ."}},
		{"date", []string{"В 1990-х гг. Назарбаев подписал указ о реформе."}},
		{"date", []string{"В 2010-2012 гг. Виктор посещал г. Волгоград неоднократно."}},
		{"date", []string{"Дом, где родился Л.Н.Толстой, 1898 г. В 1854 году дом продан."}},
		{"date", []string{"Он родился в 1799 г. в Москве."}},
		{"date", []string{"Указ подписал в 1999 г. В. Путин, тогда премьер."}},
		{"date", []string{"В XIX в. Россия расширила свои границы."}},
		{"date", []string{"Доклад опубликован в 2020г. и обновлён в 2023 г."}},
		{"date", []string{"Встреча прошла в г. Астана, а следующая пройдёт в г. Шымкент."}},
		// An era: a starter, or a verb before, ends the sentence.
		{"era", []string{"Город был основан в III в. до н. э.", "Римская республика его завоевала."}},
		{"era", []string{"Город основан в V в. до н.э.", "Его руины изучают до сих пор."}},
		{"era", []string{"В 49 г. до н. э. Цезарь перешёл Рубикон."}},
		{"era", []string{"Летописец относит это к I столетию н.э., когда св. Андрей проповедовал в Киеве."}},
		// Units after a number: the period ends the sentence before a capital.
		{"unit", []string{"Длина реки составляет 18 км.", "Расположен в бассейне верховьев рек."}},
		{"unit", []string{"Мелкий воблер заглублением 2-6 м.", "Джиг-головка с силиконом."}},
		{"unit", []string{"Выпекать 20-30 мин.", "Присылайте свои рецепты."}},
		{"unit", []string{"До станции 5 км. по прямой."}},
		{"unit", []string{"Итого 5 км.", "Далее."}},
		{"unit", []string{"Прошли 5 км. В. Иванов отстал."}},
		{"unit", []string{"Станция м. Пушкинская закрыта."}},
		{"unit", []string{"Объем составляет 5 куб.м. Это больше нормы."}},
		// Amounts after a number end the sentence only before a starter.
		{"amount", []string{"Курс стоит 500 руб.", "Это недорого."}},
		{"amount", []string{"Объём инвестиций составил 5 млрд. Казахстан планирует удвоить его."}},
		{"amount", []string{"Экспорт принёс 7 млн. долл. США за год."}},
		// Counts of things are units: they end the sentence before a capital, also after a
		// multiplier; amounts of money keep before a capital that may be a name.
		{"unit", []string{"Тираж 1 тыс. экз.", "Цена договорная."}},
		{"unit", []string{"На митинг пришли 300 чел.", "Полиция не вмешивалась."}},
		{"unit", []string{"Куплено 5 шт. яблок."}},
		{"amount", []string{"Бюджет 3 тыс. руб. Иванов одобрил."}},
		// Dates and biographies: months, weekdays, род. and ум. follow a number or a name and
		// end a sentence only before a starter.
		{"postfix", []string{"Сделка закрыта 15 янв. 2020 года в Москве."}},
		{"postfix", []string{"Заседание прошло 3 окт.", "В нём участвовали все."}},
		{"postfix", []string{"Встреча назначена на пн. 5 мая."}},
		{"postfix", []string{"Иван Петров, род. 20 января 1934 г., советский актёр."}},
		{"postfix", []string{"Певец (род. 21 июня 1947 — ум. 18 мая 2004) выступал в Стамбуле."}},
		{"postfix", []string{"Вот что мой решает ум.", "Отчего к шарам не приделают руля?"}},
		{"postfix", []string{"Это древний род.", "Вот его герб."}},
		{"prefix", []string{"Народный арт. СССР Иванов выступил.", "Ген.-лейт. Петров прибыл в штаб."}},
		{"prefix", []string{"Он жил в кон. XIX в.", "Потом уехал."}},
		{"prefix", []string{"В сер. 1990-х гг. цены росли."}},
		{"postfix", []string{"Он дышит за тех, кто сер.", "Я имени Его не знаю."}},
		// The last word of a place name ends the sentence as an era does: before a starter,
		// or before a capitalized word once the sentence has its finite verb.
		{"place", []string{"Сотни людей приходят на поезд во владимирской обл.", "Депутату плеснули кислотой в лицо."}},
		{"place", []string{"Школу построили в Медеуском р-не.", "Теперь там учатся 900 детей."}},
		{"place", []string{"Проект реализуют в Алматинской обл.", "В следующем году его расширят."}},
		{"place", []string{"В Алматинской обл. Казахстан построил новый завод."}},
		{"place", []string{"Жители Карасайского р-на Ерлан и Асель победили в конкурсе."}},
		{"place", []string{"Он переехал в Алматинскую обл. в 1998 году."}},
		{"place", []string{"Адрес: Алматинская обл., Карасайский р-н, с. Каскелен."}},
		// Titles with a capital inside a sentence.
		{"title", []string{"Директор фирмы Чарльз Дж. Филлипс подписал договор."}},
		{"title", []string{"Лекцию читал Проф. Иванов."}},
		{"title", []string{"Храм Св. Николая открыт для посетителей."}},
		{"title", []string{"Схема приведена на Рис. 2 в приложении."}},
		{"title", []string{"Вопрос задал Макс.", "Ответ был коротким."}},
		{"title", []string{"На столе лежал рис.", "Это был ужин."}},
		{"title", []string{"Он вступил в полк.", "Там служил три года."}},
		{"title", []string{"Приказ подписал Адм. Кузнецов."}},
		{"title", []string{"Я направил своё предложение в Гос. Думу всем ведущим партиям."}},
		{"title", []string{"Работу проверяют гос. органы и частные фирмы."}},
		{"title", []string{"P.S. А ты заметил снежного воробья?"}},
		// Headings and list numbers.
		{"heading", []string{"IV. Гестационный сахарный диабет"}},
		{"heading", []string{"Глава IV. Общие положения"}},
		{"heading", []string{"Статья 5. Сфера действия закона"}},
		{"heading", []string{"§ 3. Права сторон.", "Стороны обязуются соблюдать договор."}},
		{"heading", []string{"§2. Нахождение оптимального объекта."}},
		{"heading", []string{"№ 5. Итоги года"}},
		{"heading", []string{"Рис. 3. Схема работы"}},
		{"heading", []string{"Это случилось в 2009.", "Потом всё изменилось."}},
		{"heading", []string{"Об этом говорит глава 4.", "Там всё сказано."}},
		{"roman", []string{"Регион принадлежал королю Твртко I.", "Сын чиновника родился позже."}},
		{"roman", []string{"Его короновали как Петра I. и все присягнули."}},
		{"roman", []string{"The report by J. K. Rowling was cited."}},
		// A bracketed number alone after a sentence end is the year or note number of the
		// sentence before; a bracket with words, or words after the bracket, begin a sentence.
		{"bracketed-number", []string{"Антикиллер 2: Антитеррор. (2003)."}},
		{"bracketed-number", []string{"Антикиллер Д.К: Любовь без памяти. (2009).", "Жанр боевик, криминал."}},
		{"bracketed-number", []string{"Это доказано многими авторами. [12]"}},
		{"bracketed-number", []string{"Война шла долго! (1941–1945).", "Потом настал мир."}},
		{"bracketed-number", []string{"Он ушёл.", "(Это было в 2003 году.)"}},
		{"bracketed-number", []string{"Фильм вышел в прокат.", "(2003) Жанр: боевик."}},
		{"bracketed-number", []string{"Оценка снижена.", "(3,5 балла)."}},
		{"bracketed-number", []string{"Итоги года.", "(2003)Новые планы."}},
		// Units and amounts glued to their number read as with a space; Latin look-alikes in
		// an otherwise Cyrillic abbreviation read as Cyrillic for the lookup.
		{"glued-unit", []string{"Стоит 13260р.", "Это дорого."}},
		{"glued-unit", []string{"ЦЕНА для высоты 2,4 м: 13260р. ЗАКАЗАТЬ: http://xxxxxx"}}, // as "13260 р." before a name
		{"glued-unit", []string{"Длина реки 18км.", "Расположен рядом."}},
		{"glued-unit", []string{"Добавить 1ст.л. сахара."}},
		{"lookalike", []string{"Добавить 1 cт.л. сахара."}},               // Latin c
		{"lookalike", []string{"-Коньяк - 1 cт.л.", "-Сахар - 1 стакан"}}, // Latin c
		{"lookalike", []string{"Тираж 1 тыc. экз.", "Цена договорная."}},  // Latin c
		{"lookalike", []string{"Подробнее cм. Главу 2 и приложение."}},    // Latin c: "см."
		{"lookalike", []string{"Это написано в cm.", "Главу пропустим."}}, // all Latin: no fold
		{"lookalike", []string{"Ему помог г. Иванов, а не Mr. Smith."}},   // Latin table words keep their own entries
		// Emoticons end a sentence in user-written text.
		{"emoticon", []string{"Спасибо :)", "Увидимся завтра."}},
		{"emoticon", []string{"пастухов - тоже ;)", "Я вспомнила"}},
		{"emoticon", []string{"Он им расскажет, кто в доме хозяин))", "Кто не сумел, тот опоздал."}},
		{"emoticon", []string{"И посетовал, что не с ним!:)))", "Интересно, позвали ли его."}},
		{"emoticon", []string{"Грустно (((", "Но завтра будет лучше."}},
		{"emoticon", []string{"Хотим приехать и хочется скидку))", "@screened-21 Анна, акция уже идёт."}},
		{"emoticon", []string{"Вот и Навальный)) кому-то ближе яблоко."}},
		{"emoticon", []string{"Текст (пример (вложенный)) Далее продолжение."}},
		{"emoticon", []string{"Нужно купить 1)рыбу 2)соль."}},
		{"emoticon", []string{"Отличная погода :)"}},
		// An ellipsis before a number with a space ends the sentence; a range does not.
		{"ellipsis", []string{"Но есть мужчина, которого я не хотела бы потерять...", "17 лет прошло."}},
		{"ellipsis", []string{"Выберите число 1...10 и запишите."}},
		// Marks that open a sentence lead into it: a sentence is never marks alone.
		{"leading", []string{"... Неизлечимостью прекрасен иудей."}},
		{"leading", []string{"Юрка тяжело вздохнул.", "…На перемене он открыл дневник."}},
		{"leading", []string{"Он ушёл.", "«... И не вернулся», — сказали нам."}},
		// Symbols after the last sentence belong to it; a mention or a bullet starts a new one.
		{"trailing", []string{"Безумно красиво! 😍😍😍"}},
		{"trailing", []string{"Давай теперь про снежный Сочи. 🙏"}},
		{"trailing", []string{"Давай про Сочи.", "🙏 Там тепло."}},
		{"mention", []string{"За партию я голосовать не буду.", "@xxxxxx @yabloko если и вы так будете руководить"}},
		{"mention", []string{"Пишите на press@astanahub.kz.", "Мы ответим."}},
		{"mention", []string{"Бывает. @xxxxxx @xxxxxx @xxxxxx"}},
		{"mention", []string{"Крым хочет вернуть...", "@xxxxxx - У клоунов все вокруг клоуны. @xxxxxx @xxxxxx"}},
		{"mention", []string{"Красиво))) @anna_k @ivan.petrov 😍"}},
		{"mention", []string{"Бывает.", "@xxxxxx @xxxxxx тогда - нет."}},
		{"mention", []string{"Спасибо!", "@xxxxxx, приходите ещё."}},
		{"bullet", []string{"Технологический процесс ускоряет работу.", "* Нумерация туров может отличаться."}},
		{"bullet", []string{"Номера были двузначными. (*) до перенумерации."}},
		// A bracket whose content begins with a capital holds sentences of its own; one that
		// begins in lowercase is an aside, and a quotation stays whole.
		{"bracket", []string{"(Прилепин — очень хороший писатель, лучше, чем Лимонов.", "Но враг)"}},
		{"bracket", []string{"( И это ещё нас называют ленивой нацией?", "Попробуй найди работу...)"}},
		{"bracket", []string{"Делегаты (среди них были эксперты. Некоторые приехали впервые) прибыли утром."}},
		{"bracket", []string{"Певец (род. 21 июня 1947 г. В Малатье жил долго) выступал."}},
		{"bracket", []string{"«Мы готовы делиться опытом. Двери открыты для всех», — заявил ректор."}},
		// ? or ! directly before a lowercase word ends the sentence; a dash, a closing quote or a
		// bracket between them keeps it going (direct speech, an aside).
		{"strong-lower", []string{"Офигенное фото!", "вещь!"}},
		{"strong-lower", []string{"неужели так всесильны?", "ты кудесник мне ответь"}},
		{"strong-lower", []string{"Куда ты? — спросил он."}},
		{"strong-lower", []string{"Её подписали уже 1,5 млн человек! https://chn.ge/2JRea20"}},
		{"word-lower", []string{"Приходите к нам в гости. https://example.kz/"}},
		{"strong-lower", []string{"Он спросил: «Когда начнём?» и посмотрел на часы."}},
		{"strong-lower", []string{"Вместо этого слышим ударения на 3, 6 и 8-м (а не 9-м!) слогах."}},
		{"strong-lower", []string{"Ну и ну!.. сказал он."}},
		// A period after a whole lowercase word before a lowercase word ends the sentence; after
		// a word that may be an abbreviation missing from the tables it does not.
		{"word-lower", []string{"никогда не была в горах.", "они меня пугают"}},
		{"word-lower", []string{"Ей важно чувствовать, что она нравится мужчинам.", "сестра любви."}},
		{"word-lower", []string{"и он уснул и снова увидал пруды.", "это дело было так"}},
		{"word-lower", []string{"и он уснул и снова увидал аул. это дело было так"}}, // three letters: may be an abbreviation
		{"word-lower", []string{"стали прочие вестись печонка лопнула.", "смеются и теснятся"}},
		{"word-lower", []string{"ты говоришь это по 100 раз в день.", "ума ни в какие помышления"}},
		{"word-lower", []string{"Опустел, и бесов нет.", "их расторгнут хоровод..."}},
		{"word-lower", []string{"Жили мы так.", "потом уехали"}},
		{"word-lower", []string{"Перевод (примеч. автора) сделан позже."}},
		{"word-lower", []string{"опускаться подыматься (примеч. автора).", "о Боже говорит он"}},
		{"word-lower", []string{"кому-то ближе яблоко.", "...наука должна зарабатывать."}},
		{"word-lower", []string{"Отдел междунар. отношений закрыт."}},
		{"word-lower", []string{"Он окончил эконом. факультет, затем изучал матем. анализ."}},
		{"word-lower", []string{"Известный полит. деятель выступил."}},
		{"word-lower", []string{"Проект гос-ва. по плану завершён."}},
		{"word-lower", []string{"Сдача 2019. в срок"}},
		{"word-lower", []string{"Ушёл в горы. — сказал он."}},
		{"word-lower", []string{"Он вернулся. «вот и всё», — подумал он."}},
	}
	ru := For("ru")
	for _, tc := range tests {
		input := tc.want[0]
		for _, s := range tc.want[1:] {
			input += " " + s
		}
		t.Run(tc.family+"/"+input, func(t *testing.T) {
			if got := ru.Sentences(input); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q)\n got: %q\nwant: %q", input, got, tc.want)
			}
		})
	}
}
