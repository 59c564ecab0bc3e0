package declutter

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// assembleBody trims, on article-like pages, what the readability pass
// kept around the story: the header chrome before its first prose
// paragraph (kicker, repeated title, byline and date lines, share rows)
// and the chrome after its last one (headings over teaser lists, link
// rows, labels). Real text that is not prose is kept on either side:
// lists and tables that read as content, and, after the story, closing
// sentences. Each block removed is reported as a Removal whose Rule is
// "trim-header" or "trim-tail"; trimHead and trimTail say which of the two trims
// run (Options.DisableRules can switch either off).
func assembleBody(body *html.Node, title string, trimHead, trimTail bool) []Removal {
	st := newTextStats(body)
	blocks := segmentBlocks(body, st)
	if !articleLike(body, blocks, st.chars(body)) {
		return nil
	}
	first, last := -1, -1
	for i, b := range blocks {
		if b.prose {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	total := st.chars(body)
	var drop []int
	var rules []string
	if head := headChrome(blocks, first, normalizeKey(title)); trimHead && fewChars(blocks, head, total) {
		drop = append(drop, head...)
		for range head {
			rules = append(rules, "trim-header")
		}
	}
	if tail := tailChrome(blocks, last); trimTail && fewChars(blocks, tail, total) {
		drop = append(drop, tail...)
		for range tail {
			rules = append(rules, "trim-tail")
		}
	}
	var out []Removal
	for i, j := range drop {
		b := blocks[j]
		if b.n.Parent == nil {
			continue
		}
		out = append(out, Removal{Rule: rules[i], Snippet: removalSnippet(b.n, blockText(b))})
		b.n.Parent.RemoveChild(b.n)
	}
	return out
}

const (
	articleMinProse   = 3    // prose paragraphs an article-like body has at least
	articleProseShare = 0.5  // and the share of its text they hold
	articleRunShare   = 0.35 // of which one container holds this share
	trimMaxShare      = 0.25 // a trim takes at most this share of the body's text
)

// articleLike reports whether the page reads as one story: a body whose
// text is mostly prose paragraphs, a good share of them side by side in
// one container (a forum's posts or a listing's entries each have their
// own), and not all of them in posts that are each an <article>. The chrome trims run only on such pages; on forums, listings and
// product pages the same short lines are content. It is the one place
// that decides; a page-type classifier can answer here instead.
func articleLike(body *html.Node, blocks []block, total int) bool {
	prose, chars := 0, 0
	byParent := make(map[*html.Node]int)
	run := 0
	// Posts or entries, each an <article>, hold all the prose of a
	// thread; a story with teaser cards has prose outside them.
	var entry *html.Node
	entries, outside := 0, false
	for _, b := range blocks {
		if !b.prose {
			continue
		}
		prose++
		chars += b.chars
		byParent[b.n.Parent] += b.chars
		run = max(run, byParent[b.n.Parent])
		switch e := enclosingArticle(b.n, body); {
		case e == nil:
			outside = true
		case e != entry:
			entry = e
			entries++
		}
	}
	if entries >= 2 && !outside {
		return false
	}
	return prose >= articleMinProse && float64(chars) >= articleProseShare*float64(total) &&
		float64(run) >= articleRunShare*float64(chars)
}

// enclosingArticle returns the nearest <article> above n and below body.
func enclosingArticle(n, body *html.Node) *html.Node {
	for p := n.Parent; p != nil && p != body; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "article" {
			return p
		}
	}
	return nil
}

// fewChars reports whether the blocks at idx hold little of the body's
// text: when they hold much, the prose test has misread the page.
func fewChars(blocks []block, idx []int, total int) bool {
	if len(idx) == 0 {
		return false
	}
	chars := 0
	for _, i := range idx {
		chars += blocks[i].chars
	}
	return float64(chars) <= trimMaxShare*float64(total)
}

// headChrome returns the indexes of the blocks before the first prose
// paragraph (at index first) that are chrome: the headline again (with a
// kicker glued to it or not), link rows, and, outside the first
// paragraph's own container, short lines that are not sentences (kickers,
// bylines, dates, labels). Figures stay (the lead figure has its own
// step), and so do lists and tables that read as content, and summaries
// in sentences (the standfirst step decides about those).
func headChrome(blocks []block, first int, title string) []int {
	var out []int
	home := blocks[first].n.Parent
	for i, b := range blocks[:first] {
		switch {
		case b.kind == blockFigure || b.kind == blockTable || b.n.Data == "pre":
		case b.kind == blockHeading && titleLike(b, title):
			out = append(out, i)
		case b.linkDens > 0.5:
			out = append(out, i)
		case b.kind != blockHeading && !b.caption && dateLine(b.text):
			out = append(out, i)
		case b.n.Parent == home:
			// Beside the story's paragraphs: part of it.
		case b.kind == blockList && contentList(b):
		case b.sentence && !b.caption:
		case b.kind == blockHeading:
			// A subtitle or a section's heading.
		case b.chars <= headLineMaxChars:
			out = append(out, i)
		}
	}
	return out
}

// dateLine reports a short line that states a date or a time and little
// else: "Updated: December 9, 2024", "17:41 JST, October 13, 2024",
// "Stand: 10:49 Uhr", "2026-01-08 | 12:42".
func dateLine(text string) bool {
	if text == "" || len(text) > dateLineMaxBytes || endsSentence(text) {
		return false
	}
	return reDateOrTime.MatchString(text)
}

const dateLineMaxBytes = 60

// reDateOrTime matches a time of day, a numeric date or a year beside a
// day of the month ("13, 2024", "22 Nov 2024").
var reDateOrTime = regexp.MustCompile(`\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\b|\b\d{1,2}(\.|,)?\s+\pL+\.?,?\s+(19|20)\d{2}\b|\pL+\.?\s+\d{1,2},\s+(19|20)\d{2}\b`)

// headLineMaxChars is the longest line of header chrome.
const headLineMaxChars = 120

// titleLike reports whether heading b repeats the headline: one holds
// the other, as a kicker glued to the headline does.
func titleLike(b block, title string) bool {
	if title == "" || b.text == "" {
		return false
	}
	k := normalizeKey(b.text)
	if len(k) < 10 {
		return false
	}
	return strings.Contains(k, title) || strings.Contains(title, k)
}

// tailChrome returns the indexes of the blocks after the last prose
// paragraph (at index last) that are chrome: link rows, labels (short
// lines that are not sentences and hold no figures: "Advertisement",
// "More on this topic", "Share"), and headings whose section is chrome
// too. Closing sentences, content lists, tables and lines with figures
// (addresses, scores, dates of an event) stay.
func tailChrome(blocks []block, last int) []int {
	var out []int
	heading := -1 // the open heading, while nothing kept follows it
	for i := last + 1; i < len(blocks); i++ {
		b := blocks[i]
		chrome := false
		switch {
		case b.linkDens > 0.5:
			// A row of links, unless they are sources written out.
			chrome = !strings.Contains(blockText(b), "://")
		case b.kind == blockFigure || b.kind == blockTable || b.n.Data == "pre":
		case b.kind == blockList:
			chrome = !contentList(b)
		case b.kind == blockHeading:
			if heading >= 0 {
				out = append(out, heading)
			}
			heading = i
			continue
		case !b.sentence && b.chars <= headLineMaxChars && !hasDigit(b.text):
			chrome = true
		}
		if !chrome {
			heading = -1
			continue
		}
		out = append(out, i)
	}
	if heading >= 0 {
		out = append(out, heading)
	}
	slices.Sort(out)
	return out
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// contentList reports whether a list reads as part of the story rather
// than a row of links or labels: few links and items of some length.
func contentList(b block) bool {
	if b.linkDens > 0.5 {
		return false
	}
	items, chars := 0, 0
	for c := b.n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "li" || c.Data == "dd" || c.Data == "dt") {
			items++
		}
	}
	chars = b.chars
	if items == 0 {
		return chars >= proseMinChars
	}
	return chars/items >= 25 || strings.ContainsAny(b.text, ".!?")
}

// blockText returns b's collapsed text, measured again for long blocks.
func blockText(b block) string {
	if b.text != "" || b.chars == 0 {
		return b.text
	}
	return collapsedText(b.n)
}
