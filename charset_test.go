package declutter

import (
	"bytes"
	"fmt"
	"strings"
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
