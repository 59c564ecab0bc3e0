package declutter

import (
	"context"
	"regexp"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A forum thread or a Q&A page is a run of posts of one shape, each with
// its author, its date and its text. The readability pass keeps the best
// scoring one of them, and the body rules take the others for a comment
// section. assembleThread instead reads every post the page's platform
// marks as such, in page order, and builds the body from them: an author
// line, a date line as the page shows it, and the post's text without the
// quotes of other posts, signatures, vote counters or reply boxes.
//
// It runs only on pages that say they are threads (isThreadPage): a news
// story with a comment section is not one, and its comments stay out.

// threadPost is one post: its author and date lines, possibly empty, and
// its text (nodes that belong to no tree).
type threadPost struct {
	author, date string
	body         []*html.Node
}

// threadBody is the body assembleThread built: a detached container with
// one wrapper per post. The heads (author and date lines) are added by
// addHeads after the body rules ran, so that no byline or date rule can
// take them.
type threadBody struct {
	root  *html.Node
	wraps []*html.Node
	posts []threadPost
}

// addHeads puts each post's author and date lines before its text, for the
// posts the body rules left some text of.
func (t *threadBody) addHeads() {
	for i, w := range t.wraps {
		if w.Parent == nil || w.FirstChild == nil {
			continue
		}
		first := w.FirstChild
		for _, line := range []string{t.posts[i].author, t.posts[i].date} {
			if line == "" {
				continue
			}
			p := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
			p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
			w.InsertBefore(p, first)
		}
	}
}

// threadShape is how one platform marks its posts: the post block, its
// text, and where its author and date are shown. author and date may be
// nil when the page shows them apart from the text in a way readers of the
// thread do not need (Stack Exchange's user cards).
type threadShape struct {
	post, body, author, date cascadia.Selector
	authorAttr               string // an attribute of the post naming its author
	// marked: the post markup is the platform's own, enough on its own to
	// call the page a thread when two or more posts have an author.
	marked bool
}

func sel(s string) cascadia.Selector { return cascadia.MustCompile(s) }

var threadShapes = []threadShape{
	{ // Discourse's crawler view
		post: sel(`.crawler-post`), body: sel(`[itemprop="text"]`),
		author: sel(`.creator [itemprop="name"], .creator`), date: sel(`time.post-time, .crawler-post-infos time`), marked: true,
	},
	{ // Discourse's app
		post: sel(`article[data-post-id]`), body: sel(`.cooked`),
		author: sel(`.names .username, .names .first`), date: sel(`.post-date`), marked: true,
	},
	{ // XenForo
		post: sel(`article.message--post, article.message[data-author]`), body: sel(`.message-userContent .bbWrapper, .message-body .bbWrapper, .bbWrapper`),
		authorAttr: "data-author", author: sel(`.message-name, .message-userDetails .username`), date: sel(`.message-attribution-main time, time.u-dt`), marked: true,
	},
	{ // phpBB
		post: sel(`div.post.has-profile, div.postbody`), body: sel(`div.content`),
		author: sel(`.author .username, .author .username-coloured`), date: sel(`.author time`), marked: true,
	},
	{ // vBulletin
		post: sel(`li.postcontainer, li.postbitlegacy, li.b-post, div.postbit`), body: sel(`.postcontent, .js-post__content-text, .postbody .content`),
		author: sel(`.username, .b-post__author-name`), date: sel(`.postdate .date, .postdate, .b-post__timestamp, .date`), marked: true,
	},
	{ // vBulletin 3: a post's text in post_message_<id>, its date first in its head row
		post: sel(`div[id^="edit"]:has(div[id^="post_message_"]), table[id^="post"]:has(div[id^="post_message_"])`), body: sel(`div[id^="post_message_"]`),
		author: sel(`.bigusername`), date: sel(`div.thead > .tcell:first-child, td.thead:first-child`), marked: true,
	},
	{ // Invision Community
		post: sel(`article.ipsComment, article[id^="elComment_"]`), body: sel(`[data-role="commentContent"], .ipsType_richText`),
		author: sel(`.cAuthorPane_author, [itemprop="author"] [itemprop="name"]`), date: sel(`time .ipsTime__long, time:not(:has(.ipsTime__long))`), marked: true,
	},
	{ // Flarum
		post: sel(`article.Post`), body: sel(`.Post-body`),
		author: sel(`.PostUser-name .username, .username`), date: sel(`time`), marked: true,
	},
	{ // MyBB
		post: sel(`div.post.classic, div.post[id^="post_"]`), body: sel(`.post_body`),
		author: sel(`.author_information .largetext, .post_author .largetext, .post_author`), date: sel(`.post_date`), marked: true,
	},
	{ // Vanilla
		post: sel(`div.ItemDiscussion, li.ItemComment`), body: sel(`.Message.userContent, .Message`),
		author: sel(`.Author .Username`), date: sel(`.DateCreated time, .DateCreated`), marked: true,
	},
	{ // Stack Exchange: question and answers; the user cards stay out
		post: sel(`#question, .question, .answer`), body: sel(`.s-prose, .post-text, [itemprop="text"]`),
	},
	{ // schema.org microdata any platform may write
		post:   sel(`[itemtype*="schema.org/DiscussionForumPosting" i], [itemtype*="schema.org/Comment" i], [itemtype*="schema.org/Answer" i], [itemtype*="schema.org/Question" i]`),
		body:   sel(`[itemprop="text"], [itemprop="articleBody"]`),
		author: sel(`[itemprop="author"] [itemprop="name"], [itemprop="author"]`), date: sel(`time`),
	},
}

// threadPosts matches the post block of any marked shape.
var threadPosts = cascadia.Selector(func(n *html.Node) bool {
	for i := range threadShapes {
		if threadShapes[i].marked && threadShapes[i].post.Match(n) {
			return true
		}
	}
	return false
})

// threadCruft is what a post's text loses: quotes of other posts,
// signatures, vote and like counters, reply boxes and buttons.
var threadCruft = sel(`aside.quote, blockquote.quote, .bbCodeBlock--quote, .ipsQuote, blockquote:has(cite), div.quote, .quotecontainer, ` +
	`div[style*="margin:20px"]:has(td.alt2), ` + // vBulletin 3's quote template
	`.signature, .message-signature, .postsig, [class*="signature" i], ` +
	`[class*="vote" i], .post-likes, .likes, ` +
	`form, textarea, button, input, select, script, style, noscript, template`)

// threadGenerator is the generator meta of forum software.
var threadGenerator = regexp.MustCompile(`(?i)discourse|phpbb|vbulletin|xenforo|invision|flarum|mybb|nodebb|vanilla|simple machines|discuz|bbpress`)

// threadMarkers are page-level marks of a thread or Q&A page.
var threadMarkers = sel(`[itemtype*="schema.org/DiscussionForumPosting" i], [itemtype*="schema.org/QAPage" i], html#XF, body#phpbb, ` +
	`meta[name="generator"], script[type="application/ld+json"]`)

// isThreadPage reports whether doc says it is a forum thread or a Q&A
// page: schema.org DiscussionForumPosting or QAPage (microdata or JSON-LD),
// forum software's generator meta or root marks. Marked posts of a
// platform (two or more with an author) are evidence too; assembleThread
// checks those. It is the one place that decides; a page-type classifier
// can take its place.
func isThreadPage(doc *html.Node) bool {
	for _, n := range threadMarkers.MatchAll(doc) {
		switch n.Data {
		case "meta":
			if threadGenerator.MatchString(attrOf(n, "content")) {
				return true
			}
		case "script":
			if n.FirstChild != nil && n.FirstChild.Type == html.TextNode &&
				(strings.Contains(n.FirstChild.Data, "DiscussionForumPosting") || strings.Contains(n.FirstChild.Data, "QAPage")) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// minThreadChars is the least text the posts together must have for the
// thread to replace the readability pass.
const minThreadChars = 80

// assembleThread builds the body of a thread page from its posts, or
// returns nil when doc is not a thread page or its posts cannot be found.
// The copies it makes count against maxElements together with the
// elements doc already has (negative: no limit).
func assembleThread(ctx context.Context, doc *html.Node, maxDepth, maxElements int) *threadBody {
	thread := isThreadPage(doc)
	if !thread && threadPosts.MatchFirst(doc) == nil {
		return nil // most pages: one walk, no shape tried
	}
	budget := -1
	if maxElements >= 0 {
		budget = max(maxElements-countElements(doc), 0)
	}
	for i := range threadShapes {
		s := &threadShapes[i]
		posts := s.find(doc)
		if len(posts) == 0 {
			continue
		}
		if !thread && !(s.marked && withAuthors(posts) >= 2) {
			continue
		}
		if t := buildThread(ctx, posts, budget); t != nil {
			return t
		}
		return nil
	}
	if thread {
		if posts := discoursePayload(ctx, doc, maxDepth, budget); len(posts) > 0 {
			return buildThread(ctx, posts, budget)
		}
	}
	return nil
}

func withAuthors(posts []threadPost) int {
	n := 0
	for _, p := range posts {
		if p.author != "" {
			n++
		}
	}
	return n
}

// find returns the posts of shape s under doc, in page order: each post
// block with a text of its own (a text that is not another block's).
// Their bodies are the page's nodes, not copies.
func (s *threadShape) find(doc *html.Node) []threadPost {
	blocks := s.post.MatchAll(doc)
	if len(blocks) == 0 {
		return nil
	}
	isBlock := make(map[*html.Node]bool, len(blocks))
	for _, b := range blocks {
		isBlock[b] = true
	}
	owner := func(n *html.Node) *html.Node {
		for p := n.Parent; p != nil; p = p.Parent {
			if isBlock[p] {
				return p
			}
		}
		return nil
	}
	var posts []threadPost
	taken := map[*html.Node]bool{}
	for _, b := range blocks {
		var body *html.Node
		for _, c := range s.body.MatchAll(b) {
			if owner(c) == b {
				body = c
				break
			}
		}
		if body == nil || insideTaken(body, taken) || !hasText(body, 1) {
			continue
		}
		taken[body] = true
		p := threadPost{body: []*html.Node{body}}
		if s.authorAttr != "" {
			p.author = strings.TrimSpace(attrOf(b, s.authorAttr))
		}
		if p.author == "" && s.author != nil {
			p.author = s.shownIn(s.author, b, body)
		}
		if s.date != nil {
			p.date = s.shownIn(s.date, b, body)
		}
		posts = append(posts, p)
	}
	return posts
}

// shownIn returns the collapsed text of the first element under block
// that sel matches outside its body and outside other posts, or "".
func (s *threadShape) shownIn(sel cascadia.Selector, block, body *html.Node) string {
	for _, n := range sel.MatchAll(block) {
		if isUnder(n, body) {
			continue
		}
		if t := collapsedText(n); t != "" && len(t) <= 80 {
			return t
		}
	}
	return ""
}

func isUnder(n, root *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}

func insideTaken(n *html.Node, taken map[*html.Node]bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if taken[p] {
			return true
		}
	}
	return false
}

// buildThread copies the posts into a new container, dropping their
// cruft, and returns nil when they hold too little text. Copies stop once
// budget elements were made (negative: no limit).
func buildThread(ctx context.Context, posts []threadPost, budget int) *threadBody {
	t := &threadBody{root: &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}}
	made := 1
	for _, p := range posts {
		if ctx.Err() != nil {
			return nil
		}
		w := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
		for _, n := range p.body {
			if threadCruft.Match(n) {
				continue
			}
			c := n
			if n.Parent != nil {
				c = cloneTree(n)
			}
			for _, x := range threadCruft.MatchAll(c) {
				if x.Parent != nil {
					x.Parent.RemoveChild(x)
				}
			}
			made += countElements(c)
			if budget >= 0 && made > budget {
				break
			}
			w.AppendChild(c)
		}
		if budget >= 0 && made > budget {
			break
		}
		if w.FirstChild == nil {
			continue
		}
		t.root.AppendChild(w)
		t.wraps = append(t.wraps, w)
		t.posts = append(t.posts, p)
	}
	if !hasText(t.root, minThreadChars) {
		return nil
	}
	return t
}

// countElements counts the elements under n, n included.
func countElements(n *html.Node) int {
	c := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode {
			c++
		}
	}
	if n.Type == html.ElementNode {
		c++
	}
	return c
}
