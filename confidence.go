package declutter

import (
	"math"

	"golang.org/x/net/html"
)

// Article.Confidence says how likely the body is right. It is a logistic
// model over evidence the pipeline already has when the body is final:
// how much text the body holds, how much of the page's text that is, how
// much of it is prose paragraphs rather than links, lists and fragments,
// and the page type.
// The weights (confidenceWeights) were fitted on the development corpora
// with cross-validation grouped by site; TestFitConfidence refits them
// and prints how well the score separates pages whose body word F1 is
// under 0.8 from the rest (see NOTES.md for the figures).

// confidenceEvidence is what the score is computed from.
type confidenceEvidence struct {
	words      int // Article.WordCount
	pageChars  int // the text of the page as parsed, before any removal
	bodyChars  int // the text of the final body
	linkChars  int // of which inside links
	proseChars int // of which in paragraphs of prose (proseMinChars, few links)
	paragraphs int // <p> elements with text
	listChars  int // body text inside list items
	shortChars int // body text in paragraphs and list items under shortBlockChars
	recovered  bool

	ldBodyChars int // the length of the page's JSON-LD articleBody, 0 when it has none

	pageType PageType
}

// shortBlockChars is the length under which a paragraph or list item
// reads as a label, a link or a teaser line rather than prose.
const shortBlockChars = 60

// features turns the evidence into the model's inputs, each in [0, 1]. The order is confidenceWeights'.
func (ev confidenceEvidence) features() [confidenceInputs]float64 {
	share := func(a, b int) float64 {
		if b <= 0 {
			return 0
		}
		return math.Min(1, float64(a)/float64(b))
	}
	return [confidenceInputs]float64{
		1, // bias
		math.Min(1, math.Log1p(float64(ev.words))/10), // 1 from 22,000 words
		share(ev.linkChars, ev.bodyChars),
		share(ev.proseChars, ev.bodyChars),
		share(ev.bodyChars, ev.pageChars),
		math.Min(1, math.Log1p(float64(ev.paragraphs))/5), // 1 from 148 paragraphs
		b2f(ev.recovered),
		share(ev.listChars, ev.bodyChars),
		share(ev.shortChars, ev.bodyChars),
		b2f(ev.ldBodyChars > 0),
		share(min(ev.bodyChars, ev.ldBodyChars), max(ev.bodyChars, ev.ldBodyChars)), // 0 without articleBody
		b2f(ev.pageType == PageArticle),
		b2f(ev.pageType == PageForum),
	}
}

const confidenceInputs = 13

// confidenceWeights are the model's weights, in features' order.
var confidenceWeights = [confidenceInputs]float64{-1.088, -0.860, -0.868, 0.812, 2.666, 0.483, 0.083, 0.369, -0.797, 0.183, 0.293, 1.761, 1.073}

// score is the model's probability that the body is right.
func (ev confidenceEvidence) score(w *[confidenceInputs]float64) float64 {
	x := ev.features()
	return logistic(&x, w)
}

// logistic is the model: the logistic function of w·x.
func logistic(x, w *[confidenceInputs]float64) float64 {
	z := 0.0
	for i := range x {
		z += w[i] * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// underTag reports whether n has an ancestor element named tag.
func underTag(n *html.Node, tag string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == tag {
			return true
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// measureBody fills the body's part of ev in one walk of body.
func (ev *confidenceEvidence) measureBody(body *html.Node) {
	s := measureEach(body, false, ev.block)
	ev.bodyChars, ev.linkChars = s.chars, s.linkChars
}

// block counts one element of the body as a paragraph, a list item or a
// short line.
func (ev *confidenceEvidence) block(n *html.Node, s nodeStats) {
	if s.chars == 0 {
		return
	}
	switch n.Data {
	case "p":
		ev.paragraphs++
		if s.chars >= proseMinChars && s.linkDensity() <= proseMaxLinkDens {
			ev.proseChars += s.chars
		}
	case "li":
		if !underTag(n, "li") {
			ev.listChars += s.chars
		}
	default:
		return
	}
	if s.chars < shortBlockChars {
		ev.shortChars += s.chars
	}
}
