package declutter

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"
)

// sampleTexts are realistic paragraphs, one language per encoding, each
// written only with characters its encodings can represent.
var sampleTexts = map[string]struct{ lang, title, text string }{
	"ru": {"ru", "Новая библиотека открылась в центре города",
		"В субботу утром в центре города открылась новая библиотека. Здание построили на месте старого рынка, и жители давно ждали этого дня. " +
			"На первом этаже разместились детский зал и кафе, а на втором - читальный зал с видом на реку. " +
			"Директор библиотеки рассказала, что фонд уже насчитывает более сорока тысяч книг, и ещё десять тысяч привезут до конца года. " +
			"Вход свободный, но для получения читательского билета нужно показать паспорт."},
	"ja": {"ja", "市の中心部に新しい図書館が開館",
		"昨日の午後、市内の中心部で新しい図書館が開館しました。建物は古い市場の跡地に建てられ、住民はこの日を長い間待っていました。" +
			"一階には子ども向けの部屋とカフェがあり、二階には川を望む閲覧室があります。" +
			"館長によると、蔵書はすでに四万冊を超えており、年末までにさらに一万冊が届く予定です。入館は無料ですが、貸し出しには利用者カードが必要です。"},
	"zh-Hans": {"zh-CN", "市中心新图书馆正式开放",
		"昨天下午，市中心的一座新图书馆正式开放。这座建筑建在旧市场的原址上，居民们期待这一天已经很久了。" +
			"一楼设有儿童阅览室和咖啡馆，二楼是可以眺望河流的阅览大厅。" +
			"馆长介绍说，馆藏图书已经超过四万册，年底之前还将有一万册新书运到。读者可以免费入馆，但借书需要办理借阅证。"},
	"zh-Hant": {"zh-TW", "市中心新圖書館正式開放",
		"昨天下午，市中心的一座新圖書館正式開放。這座建築建在舊市場的原址上，居民們期待這一天已經很久了。" +
			"一樓設有兒童閱覽室和咖啡館，二樓是可以眺望河流的閱覽大廳。" +
			"館長介紹說，館藏圖書已經超過四萬冊，年底之前還將有一萬冊新書運到。讀者可以免費入館，但借書需要辦理借閱證。"},
	"ko": {"ko", "시내 중심가에 새 도서관 문 열어",
		"어제 오후 시내 중심가에 새 도서관이 문을 열었다. 건물은 옛 시장 자리에 세워졌으며, 주민들은 이날을 오래 기다려 왔다. " +
			"일층에는 어린이 열람실과 카페가 있고, 이층에는 강이 내려다보이는 열람실이 있다. " +
			"관장은 장서가 이미 사만 권을 넘었으며 연말까지 만 권이 더 들어올 예정이라고 말했다. 입장은 무료지만 책을 빌리려면 회원증이 필요하다."},
	"fr": {"fr", "Une nouvelle bibliothèque ouvre au centre-ville",
		"Samedi matin, une nouvelle bibliothèque a ouvert ses portes au centre-ville. Le bâtiment a été construit à l’emplacement de l’ancien marché, " +
			"et les habitants attendaient ce jour depuis longtemps. Au rez-de-chaussée se trouvent l’espace jeunesse et un café ; à l’étage, " +
			"une grande salle de lecture donne sur la rivière. « Nous avons déjà plus de quarante mille livres », a déclaré la directrice — " +
			"et dix mille autres arriveront d’ici la fin de l’année… L’entrée est gratuite, mais il faut une carte pour emprunter."},
	"mixed": {"fr", "Une bibliothèque, трижды открытая, 三度目の開館",
		"Samedi matin, une nouvelle bibliothèque a ouvert ses portes au centre-ville — « enfin ! », disent les habitants. " +
			"В субботу утром в центре города открылась новая библиотека, и жители давно ждали этого дня. " +
			"昨日の午後、市内の中心部で新しい図書館が開館しました。 Emoji too: 📚✨."},
}

// matrixEncodings are the encodings of the charset matrix with the text
// each one carries. Names are WHATWG names as decode reports them.
var matrixEncodings = []struct{ name, text string }{
	{"utf-8", "mixed"}, {"utf-8-bom", "mixed"}, {"utf-16le", "mixed"}, {"utf-16be", "mixed"},
	{"windows-1251", "ru"}, {"koi8-r", "ru"}, {"windows-1252", "fr"},
	{"shift_jis", "ja"}, {"euc-jp", "ja"}, {"gbk", "zh-Hans"}, {"gb18030", "zh-Hans"},
	{"big5", "zh-Hant"}, {"euc-kr", "ko"},
}

var matrixScenarios = []string{"header", "meta", "http-equiv", "none", "meta-after-1k", "mislabelled", "short", "short-none"}

// headPadding is what a real head holds before a late <meta charset>:
// preloads, a consent script and inline critical CSS, well over 1 KB.
var headPadding = func() string {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "<link rel=\"preload\" href=\"/assets/fonts/source-serif-%d.woff2\" as=\"font\" type=\"font/woff2\" crossorigin>\n", i)
	}
	b.WriteString("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());" +
		"document.write('<meta charset=\"iso-8859-7\">');</script>\n")
	b.WriteString("<style>body{margin:0;font:18px/1.6 Georgia,serif}.site-header{display:flex;gap:1rem}" +
		".article p{max-width:38em}.article h1{font-size:2.4rem}</style>\n")
	return b.String()
}()

// matrixCase builds one page of the matrix: its UTF-8 source, the bytes
// as served, the Content-Type header, and whether the page declares its
// encoding (by BOM, header or meta) truthfully.
func matrixCase(t testing.TB, encName, textKey, scenario string) (want string, raw []byte, contentType string, declared bool) {
	s := sampleTexts[textKey]
	label, bom := encName, ""
	switch encName {
	case "utf-8-bom":
		label, bom = "utf-8", "\ufeff"
	case "utf-16le", "utf-16be":
		label, bom = "utf-16", "\ufeff" // what such pages say in <meta>
	}
	decl := ""
	declared = true
	switch scenario {
	case "header":
		contentType = "text/html; charset=" + strings.ToUpper(label)
		if strings.HasPrefix(encName, "utf-16") {
			contentType = "text/html; charset=" + encName
		}
	case "meta", "short":
		decl = fmt.Sprintf(`<meta charset="%s">`, label)
	case "http-equiv":
		decl = fmt.Sprintf(`<meta http-equiv="Content-Type" content="text/html; charset=%s">`, label)
	case "meta-after-1k":
		decl = headPadding + fmt.Sprintf(`<meta charset=%s>`, label)
	case "none", "short-none":
		declared = bom != ""
	case "mislabelled":
		switch {
		case bom != "":
			decl = `<meta charset="windows-1251">` // the BOM wins
		case encName == "utf-8":
			decl = `<meta charset="iso-8859-1">` // bytes are UTF-8 all the same
		default:
			decl = `<meta charset="utf-8">` // a template default over legacy bytes
			declared = false
		}
	}
	var body string
	if strings.HasPrefix(scenario, "short") {
		first, _, _ := strings.Cut(s.text, "。")
		first, _, _ = strings.Cut(first, ". ")
		body = "<p>" + first + "</p>"
	} else {
		body = fmt.Sprintf("<h1>%s</h1>\n<p>%s</p>\n<p>%s</p>\n<p>%s</p>", s.title, s.text, s.text, s.text)
	}
	want = fmt.Sprintf("<!DOCTYPE html>\n<html lang=\"%s\"><head>\n%s\n<title>%s</title>\n</head>\n<body><article>\n%s\n</article></body></html>\n",
		s.lang, decl, s.title, body)
	raw = encodeAs(t, bom+want, strings.TrimSuffix(encName, "-bom"))
	return want, raw, contentType, declared
}

// encodeAs encodes s with the strict x/text encoder, failing the test on a
// character the encoding cannot represent.
func encodeAs(t testing.TB, s, name string) []byte {
	t.Helper()
	if name == "utf-8" {
		return []byte(s)
	}
	enc, err := htmlindex.Get(name)
	require.NoError(t, err)
	b, err := enc.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err, "encoding sample text as %s", name)
	return b
}

func TestDecodeMatrix(t *testing.T) {
	var declaredOK, declaredN, undeclaredOK, undeclaredN int
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-13s", "")
	for _, sc := range matrixScenarios {
		fmt.Fprintf(&table, " %-22s", sc)
	}
	for _, e := range matrixEncodings {
		fmt.Fprintf(&table, "\n%-13s", e.name)
		for _, sc := range matrixScenarios {
			want, raw, ct, declared := matrixCase(t, e.name, e.text, sc)
			got, enc, src := decode(raw, ct)
			require.True(t, utf8.Valid(got), "%s/%s: output must be valid UTF-8", e.name, sc)
			exact := string(got) == want
			mark := "ok"
			if !exact {
				mark = "MISS"
			}
			fmt.Fprintf(&table, " %-22s", fmt.Sprintf("%s %s/%s", mark, shortName(enc), src))
			if declared {
				declaredN++
				if assert.Equal(t, want, string(got), "%s/%s declared: decoded as %s from %s", e.name, sc, enc, src) {
					declaredOK++
				}
				continue
			}
			undeclaredN++
			if exact {
				undeclaredOK++
			}
			// A guess is only taken when confident: it must then be right.
			if src == EncodingFromGuess {
				assert.True(t, exact, "%s/%s: confident guess %s was wrong", e.name, sc, enc)
			}
		}
	}
	t.Logf("charset matrix (ok = decoded text identical to the source; encoding/source):%s", table.String())
	t.Logf("declared: %d/%d exact; undeclared: %d/%d exact", declaredOK, declaredN, undeclaredOK, undeclaredN)
}

func shortName(enc string) string {
	return strings.NewReplacer("windows-", "win", "shift_", "s", "utf-", "u").Replace(enc)
}

// TestGuessNeverWrong feeds undeclared pages in more languages and legacy
// encodings than the matrix has: the guesser may decline (windows-1252 is
// then used), but a guess it takes must decode the page exactly.
func TestGuessNeverWrong(t *testing.T) {
	texts := []struct{ enc, text string }{
		{"windows-1252", "Am Samstagmorgen öffnete im Stadtzentrum eine neue Bücherei. Das Gebäude wurde an der Stelle des alten Marktes errichtet, und die Bewohner hatten lange auf diesen Tag gewartet. Im Erdgeschoss befinden sich die Kinderabteilung und ein Café; im ersten Stock gibt es einen großen Lesesaal mit Blick auf den Fluss. „Wir haben schon mehr als vierzigtausend Bücher“, sagte die Leiterin."},
		{"windows-1252", "El sábado por la mañana abrió sus puertas una nueva biblioteca en el centro de la ciudad. El edificio se construyó en el lugar del antiguo mercado, y los vecinos esperaban este día desde hacía años. En la planta baja están la sala infantil y una cafetería; en el primer piso, una gran sala de lectura con vistas al río. «Ya tenemos más de cuarenta mil libros», dijo la directora."},
		{"windows-1250", "W sobotę rano w centrum miasta otwarto nową bibliotekę. Budynek powstał w miejscu dawnego targowiska, a mieszkańcy długo czekali na ten dzień. Na parterze znajduje się czytelnia dla dzieci i kawiarnia, a na piętrze duża sala z widokiem na rzekę. Dyrektorka powiedziała, że księgozbiór liczy już ponad czterdzieści tysięcy książek."},
		{"windows-1253", "Το Σάββατο το πρωί άνοιξε μια νέα βιβλιοθήκη στο κέντρο της πόλης. Το κτίριο χτίστηκε στη θέση της παλιάς αγοράς και οι κάτοικοι περίμεναν αυτή τη μέρα εδώ και πολύ καιρό. Στο ισόγειο βρίσκονται το παιδικό τμήμα και ένα καφέ."},
		{"windows-1251", "У суботу вранці в центрі міста відкрилася нова бібліотека. Будівлю звели на місці старого ринку, і мешканці давно чекали на цей день. На першому поверсі розташувалися дитяча зала та кав'ярня, а на другому - читальна зала з видом на річку."},
		{"koi8-r", sampleTexts["ru"].title + ". " + sampleTexts["ru"].text},
		{"windows-1254", "Cumartesi sabahı şehir merkezinde yeni bir kütüphane açıldı. Bina eski pazar yerinin bulunduğu alana inşa edildi ve sakinler bu günü uzun zamandır bekliyordu. Zemin katta çocuk bölümü ve bir kafe bulunuyor."},
	}
	for _, tt := range texts {
		for _, n := range []int{1, 3} {
			src := "<html><body><p>" + strings.Repeat(tt.text+" ", n) + "</p></body></html>"
			got, enc, how := decode(encodeAs(t, src, tt.enc), "")
			t.Logf("%-12s x%d: %s from %s, exact %v", tt.enc, n, enc, how, string(got) == src)
			if how == EncodingFromGuess {
				assert.Equal(t, src, string(got), "%s x%d: guess %s is wrong", tt.enc, n, enc)
			} else {
				assert.Equal(t, EncodingFromDefault, how)
			}
		}
	}
}

func TestNaturalCyrillic(t *testing.T) {
	ru := sampleTexts["ru"].text
	in1251 := encodeAs(t, ru, "windows-1251")
	assert.True(t, naturalCyrillic([]byte(ru)))
	assert.True(t, naturalCyrillic(decodeAs(in1251, "windows-1251")))
	assert.False(t, naturalCyrillic(decodeAs(in1251, "koi8-r")), "windows-1251 read as KOI8-R swaps the case")
	assert.False(t, naturalCyrillic(decodeAs(encodeAs(t, ru, "koi8-r"), "windows-1251")), "and the other way round")
	assert.False(t, naturalCyrillic([]byte(strings.ToUpper(ru))), "capitals only are no prose")
	assert.False(t, naturalCyrillic([]byte("Привет, мир")), "too few letters to tell")
	assert.False(t, naturalCyrillic([]byte("Το Σάββατο το πρωί άνοιξε μια νέα βιβλιοθήκη στο κέντρο της πόλης.")))
	assert.False(t, naturalCyrillic([]byte(ru+" "+sampleTexts["fr"].text+" "+sampleTexts["fr"].text)), "too many non-Cyrillic letters")
}

// TestDecodeMatrixSources pins where each declared encoding was taken from
// and checks that x/net's 1 KB prescan really misses the late <meta>.
func TestDecodeMatrixSources(t *testing.T) {
	for _, e := range matrixEncodings {
		for sc, wantSrc := range map[string]EncodingSource{
			"header": EncodingFromContentType, "meta": EncodingFromMeta, "http-equiv": EncodingFromMeta,
			"meta-after-1k": EncodingFromMeta, "short": EncodingFromMeta,
		} {
			_, raw, ct, _ := matrixCase(t, e.name, e.text, sc)
			_, enc, src := decode(raw, ct)
			wantEnc := e.name
			switch {
			case e.name == "utf-8-bom":
				wantEnc, wantSrc = "utf-8", EncodingFromBOM
			case strings.HasPrefix(e.name, "utf-16"):
				wantSrc = EncodingFromBOM
			}
			assert.Equal(t, wantEnc, enc, "%s/%s", e.name, sc)
			assert.Equal(t, wantSrc, src, "%s/%s", e.name, sc)
		}
	}
	_, raw, _, _ := matrixCase(t, "windows-1251", "ru", "meta-after-1k")
	require.Greater(t, bytes.Index(raw, []byte("<meta charset=windows-1251>")), 1024)
	_, name, _ := charset.DetermineEncoding(raw, "")
	assert.NotEqual(t, "windows-1251", name, "x/net's prescan was expected to miss a <meta> after 1 KB")
}

func TestDecodeEdgeCases(t *testing.T) {
	ru := encodeAs(t, "<p>"+sampleTexts["ru"].text+"</p>", "windows-1251")
	page := []byte(normalPage)
	tests := []struct {
		name        string
		raw         []byte
		contentType string
		want        string // "" = only check the encoding and source
		enc         string
		src         EncodingSource
	}{
		{"BOM beats Content-Type", append([]byte("\xef\xbb\xbf"), "<p>é</p>"...), "text/html; charset=koi8-r", "<p>é</p>", "utf-8", EncodingFromBOM},
		{"Content-Type beats meta", encodeAs(t, `<meta charset="koi8-r"><p>Привет, мир</p>`, "windows-1251"), "text/html; charset=windows-1251", `<meta charset="koi8-r"><p>Привет, мир</p>`, "windows-1251", EncodingFromContentType},
		{"unknown Content-Type charset falls to meta", encodeAs(t, `<meta charset="koi8-r"><p>Привет</p>`, "koi8-r"), "text/html; charset=bogus", `<meta charset="koi8-r"><p>Привет</p>`, "koi8-r", EncodingFromMeta},
		{"Content-Type utf-16 on ASCII bytes is ignored", page, "text/html; charset=utf-16", normalPage, "utf-8", EncodingFromMeta},
		{"Content-Type utf-16 on big-endian bytes", encodeAs(t, "<p>Привет, мир</p>", "utf-16be"), "text/html; charset=utf-16", "<p>Привет, мир</p>", "utf-16be", EncodingFromContentType},
		{"UTF-16LE without BOM", encodeAs(t, "<p>Привет, мир</p>", "utf-16le"), "", "<p>Привет, мир</p>", "utf-16le", EncodingFromGuess},
		{"undeclared ASCII", []byte("<p>plain</p>"), "", "<p>plain</p>", "utf-8", EncodingFromUTF8},
		{"undeclared, truncated last rune", []byte("<p>Grüße, 日本\xe8\xaa"), "", "<p>Grüße, 日本\ufffd", "utf-8", EncodingFromUTF8},
		{"undeclared UTF-8 page followed by junk", append([]byte("<p>Grüße aus Köln</p>"), randomBytes(4096, 11)...), "", "", "utf-8", EncodingFromUTF8},
		{"declared UTF-8 with a few stray latin-1 bytes", []byte(`<meta charset="utf-8"><p>Grüße aus Köln, caf` + "\xe9" + `</p>`), "", "<meta charset=\"utf-8\"><p>Grüße aus Köln, caf\ufffd</p>", "utf-8", EncodingFromMeta},
		{"declared UTF-8 but windows-1251 bytes", append([]byte(`<meta charset="utf-8">`), ru...), "", `<meta charset="utf-8"><p>` + sampleTexts["ru"].text + "</p>", "windows-1251", EncodingFromGuess},
		{"declared koi8-r, ASCII only: no copy needed", []byte(`<meta charset="koi8-r"><p>plain</p>`), "", `<meta charset="koi8-r"><p>plain</p>`, "koi8-r", EncodingFromMeta},
		{"declared windows-1252 but valid UTF-8", []byte(`<meta charset="windows-1252"><p>Grüße</p>`), "", `<meta charset="windows-1252"><p>Grüße</p>`, "utf-8", EncodingFromUTF8},
		{"declared replacement", []byte(`<meta charset="iso-2022-kr"><p>text</p>`), "", "\ufffd", "replacement", EncodingFromMeta},
		{"undeclared latin-1 without enough evidence", []byte("<p>caf\xe9</p>"), "", "<p>café</p>", "windows-1252", EncodingFromDefault},
		{"x-user-defined from the header", []byte("<p>\xe9</p>"), "text/html; charset=x-user-defined", "<p>\uf7e9</p>", "x-user-defined", EncodingFromContentType},
		{"iso-2022-jp declared", encodeAs(t, `<meta charset="iso-2022-jp"><p>日本語</p>`, "iso-2022-jp"), "", `<meta charset="iso-2022-jp"><p>日本語</p>`, "iso-2022-jp", EncodingFromMeta},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, src := decode(tt.raw, tt.contentType)
			assert.True(t, utf8.Valid(got), "output must be valid UTF-8")
			if tt.want != "" {
				assert.Equal(t, tt.want, string(got))
			}
			assert.Equal(t, tt.enc, enc)
			assert.Equal(t, tt.src, src)
		})
	}
}

// TestDecodeUTF8NoCopy checks that the common case returns the input itself.
func TestDecodeUTF8NoCopy(t *testing.T) {
	raw := []byte(benchPage)
	got, enc, src := decode(raw, "")
	require.Equal(t, "utf-8", enc)
	require.Equal(t, EncodingFromMeta, src)
	assert.Same(t, &raw[0], &got[0], "a valid UTF-8 page must not be copied")
	allocs := testing.AllocsPerRun(20, func() { decode(raw, "") })
	assert.Zero(t, allocs, "decoding a UTF-8 page that says so must not allocate")
}

// TestExtractWindows1251 runs a short Russian page that declares its
// charset through the whole pipeline.
func TestExtractWindows1251(t *testing.T) {
	paras := []string{
		"В субботу утром в центре города открылась новая библиотека. Здание построили на месте старого рынка, и жители давно ждали этого дня.",
		"На первом этаже разместились детский зал и кафе, а на втором - читальный зал с видом на реку. Архитекторы сохранили часть старых кирпичных стен.",
		"Директор библиотеки рассказала, что фонд уже насчитывает более сорока тысяч книг, и ещё десять тысяч привезут до конца года.",
		"Вход свободный, но для получения читательского билета нужно показать паспорт. Библиотека работает ежедневно, кроме понедельника, с десяти утра до восьми вечера.",
	}
	src := `<!DOCTYPE html><html lang="ru"><head><meta charset="windows-1251"><title>Новая библиотека открылась в центре города</title></head>
<body><article><h1>Новая библиотека открылась в центре города</h1><p>` + strings.Join(paras, "</p>\n<p>") + `</p></article></body></html>`
	raw := encodeAs(t, src, "windows-1251")
	a, err := Extract(context.Background(), bytes.NewReader(raw), "https://example.ru/news/library")
	require.NoError(t, err)
	assert.Equal(t, "windows-1251", a.Encoding)
	assert.Equal(t, EncodingFromMeta, a.EncodingSource)
	assert.Equal(t, "Новая библиотека открылась в центре города", a.Title)
	for _, p := range paras {
		assert.Contains(t, a.Text, p)
	}
	assert.NotContains(t, a.Text, "\ufffd")
}

// TestExtractPageWithJunk checks that an article followed by 1 MB of
// binary junk is neither refused as binary nor decoded by the junk's
// statistics, declared or not.
func TestExtractPageWithJunk(t *testing.T) {
	for _, c := range []struct {
		textKey, label, enc string
		src                 EncodingSource
	}{
		{"ru", "windows-1251", "windows-1251", EncodingFromMeta},
		{"fr", "", "utf-8", EncodingFromUTF8},
	} {
		page := articlePage(c.textKey, c.label)
		raw := encodeAs(t, page, c.enc)
		raw = append(raw, randomBytes(1<<20, 3)...)
		a, err := Extract(context.Background(), bytes.NewReader(raw), "https://example.org/a")
		require.NoError(t, err, c.textKey)
		assert.Equal(t, c.enc, a.Encoding, c.textKey)
		assert.Equal(t, c.src, a.EncodingSource, c.textKey)
		assert.Contains(t, a.Text, sampleTexts[c.textKey].text, c.textKey)
		assert.NotContains(t, a.Text, "\ufffd", c.textKey)
	}
}

// TestDecodeConcurrent runs every decoding path at once; under -race it
// shows that decode (and chardet under it) shares no mutable state.
func TestDecodeConcurrent(t *testing.T) {
	var pages [][]byte
	var cts []string
	for _, e := range matrixEncodings {
		for _, sc := range []string{"header", "none", "mislabelled"} {
			_, raw, ct, _ := matrixCase(t, e.name, e.text, sc)
			pages, cts = append(pages, raw), append(cts, ct)
		}
	}
	want := make([]string, len(pages))
	for i := range pages {
		got, _, _ := decode(pages[i], cts[i])
		want[i] = string(got)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range pages {
				j := (i + g) % len(pages)
				got, _, _ := decode(pages[j], cts[j])
				assert.Equal(t, want[j], string(got))
			}
		})
	}
	wg.Wait()
}

// FuzzDecode checks that decode never panics, always returns valid UTF-8,
// and returns a valid UTF-8 input untouched when it takes it as UTF-8.
func FuzzDecode(f *testing.F) {
	for _, e := range matrixEncodings {
		for _, sc := range []string{"meta", "none", "mislabelled", "short"} {
			_, raw, ct, _ := matrixCase(f, e.name, e.text, sc)
			f.Add(raw, ct)
		}
	}
	f.Add([]byte("<meta charset=\"utf-8\"><p>caf\xe9"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		got, enc, src := decode(raw, contentType)
		if !utf8.Valid(got) {
			t.Fatalf("decode(%q, %q) = %q (%s from %s): not valid UTF-8", raw, contentType, got, enc, src)
		}
		if enc == "" || src == "" {
			t.Fatalf("decode(%q, %q): empty encoding %q or source %q", raw, contentType, enc, src)
		}
		if enc == "utf-8" && src != EncodingFromBOM && utf8.Valid(raw) && !bytes.Equal(got, raw) {
			t.Fatalf("decode(%q) changed valid UTF-8 to %q", raw, got)
		}
		looksBinary(raw)
	})
}

// benchPage is a typical UTF-8 article page: a head with its <meta
// charset>, a few kilobytes of scripts and styles, and a long body.
var benchPage = articlePage("fr", "utf-8")

func articlePage(textKey, label string) string {
	s := sampleTexts[textKey]
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + s.lang + "\"><head>")
	if label != "" {
		b.WriteString("<meta charset=\"" + label + "\">")
	}
	b.WriteString("\n<title>" + s.title + "</title>\n" + headPadding)
	b.WriteString("</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header><article>\n")
	for range 40 {
		b.WriteString("<p>" + s.text + "</p>\n")
	}
	b.WriteString("</article><footer>&copy; 2026</footer></body></html>\n")
	return b.String()
}

func BenchmarkDecode(b *testing.B) {
	undeclared := articlePage("fr", "")
	ru := encodeAs(b, articlePage("ru", "windows-1251"), "windows-1251")
	ruNone := encodeAs(b, articlePage("ru", ""), "windows-1251")
	b.Run("baseline-utf8.Valid", func(b *testing.B) {
		raw := []byte(benchPage)
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			utf8.Valid(raw)
		}
	})
	for _, c := range []struct {
		name string
		raw  []byte
	}{
		{"utf-8-meta", []byte(benchPage)},
		{"utf-8-undeclared", []byte(undeclared)},
		{"windows-1251-meta", ru},
		{"windows-1251-guess", ruNone},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.raw)))
			b.ReportAllocs()
			for b.Loop() {
				decode(c.raw, "")
			}
		})
	}
}
