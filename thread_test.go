package declutter

import (
	"context"
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// threadTexts are the posts of the synthetic threads, in order.
var threadTexts = []string{
	"My laptop fan keeps spinning at full speed after the last firmware update, even when the machine is idle and cool.",
	"I had the same problem last week. Resetting the embedded controller fixed it for me, hold the power button for thirty seconds.",
	"Thanks, that worked. The fan is quiet again and the temperatures look normal in the sensors output.",
}

// assertThread checks that every post is in text, once and in order, and
// that none of the cruft is.
func assertThread(t *testing.T, text string, cruft ...string) {
	t.Helper()
	last := -1
	for _, p := range threadTexts {
		i := strings.Index(text, p)
		if assert.GreaterOrEqual(t, i, 0, "post missing: %q\n%s", p, text) {
			assert.Greater(t, i, last, "post out of order: %q", p)
			assert.Equal(t, 1, strings.Count(text, p), "post repeated: %q", p)
			last = i
		}
	}
	for _, c := range cruft {
		assert.NotContains(t, text, c)
	}
}

func extractPage(t *testing.T, page, url string) string {
	t.Helper()
	a, err := Extract(context.Background(), strings.NewReader(page), url)
	require.NoError(t, err)
	return a.Text
}

// discourseShell is a Discourse topic as its JavaScript app serves it:
// nothing visible but the app's mount point; the crawler view (when given)
// in a noscript beside the scripts; the payload (when given) in
// data-preloaded.
func discourseShell(crawler, preloaded string) string {
	return `<!DOCTYPE html><html><head><title>Fan at full speed - Support - Example Forum</title>` +
		`<meta name="generator" content="Discourse 3.4.0 - https://github.com/discourse/discourse version abc"></head><body>` +
		`<noscript><p>This site works best with JavaScript enabled.</p></noscript>` +
		`<discourse-assets><div id="data-preloaded" data-preloaded="` + html.EscapeString(preloaded) + `"></div></discourse-assets>` +
		`<section id="main"></section><script src="/assets/app.js"></script>` +
		`<noscript data-path="/t/fan-at-full-speed/42">` + crawler + `</noscript>` +
		`<script src="/assets/start.js"></script></body></html>`
}

func crawlerPost(n int, user, when, body, likes string) string {
	return `<div id="post_` + string(rune('0'+n)) + `" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post">` +
		`<div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">` +
		`<a itemprop="url" href="/u/` + user + `"><span itemprop="name">` + user + `</span></a></span>` +
		`<span class="crawler-post-infos"><time itemprop="datePublished" datetime="2026-02-20T16:55:07Z" class="post-time">` + when + `</time>` +
		`<span itemprop="position">` + string(rune('0'+n)) + `</span></span></div>` +
		`<div class="post" itemprop="text">` + body + `</div>` +
		`<div itemprop="interactionStatistic"><span class="post-likes">` + likes + `</span></div></div>`
}

func TestThreadDiscourseCrawlerView(t *testing.T) {
	crawler := `<header><a href="/">Example Forum</a></header><div id="main-outlet" class="wrap" role="main">` +
		`<div id="topic-title"><h1><a href="/t/fan-at-full-speed/42">Fan at full speed</a></h1></div>` +
		`<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><meta itemprop="headline" content="Fan at full speed">` +
		crawlerPost(1, "alice", "February 20, 2026,  4:55pm", "<p>"+threadTexts[0]+"</p>", "1 Like") +
		crawlerPost(2, "bob", "February 20, 2026,  5:07pm",
			`<aside class="quote no-group" data-username="alice" data-post="1"><div class="title">alice:</div><blockquote><p>`+threadTexts[0]+`</p></blockquote></aside><p>`+threadTexts[1]+`</p>`, "7 Likes") +
		crawlerPost(3, "alice", "February 21, 2026,  9:12am", "<p>"+threadTexts[2]+"</p>", "") +
		`</div><div id="related-topics"><h3>Related topics</h3><table><tr><td><a href="/t/1">Battery drain</a></td></tr></table></div></div>` +
		`<footer class="container wrap"><nav class="crawler-nav"><ul><li><a href="/">Home</a></li><li><a href="/tos">Terms of Service</a></li></ul></nav>` +
		`<p class="powered-by-link">Powered by <a href="https://www.discourse.org">Discourse</a>, best viewed with JavaScript enabled</p></footer>`
	text := extractPage(t, discourseShell(crawler, `{}`), "https://forum.example/t/fan-at-full-speed/42")
	assertThread(t, text, "7 Likes", "1 Like", "Related topics", "Terms of Service", "Powered by")
	for _, line := range []string{"alice\n\nFebruary 20, 2026, 4:55pm\n\n" + threadTexts[0], "bob\n\nFebruary 20, 2026, 5:07pm\n\n" + threadTexts[1]} {
		assert.Contains(t, text, line, "each post has its author and date line")
	}
}

func TestThreadDiscoursePreloaded(t *testing.T) {
	topic := `{"id":42,"title":"Fan at full speed","post_stream":{"posts":[` +
		`{"post_number":2,"username":"bob","created_at":"2026-02-20T17:07:33.120Z","cooked":"<aside class=\"quote\"><blockquote><p>` + threadTexts[0] + `</p></blockquote></aside><p>` + threadTexts[1] + `</p>"},` +
		`{"post_number":1,"username":"alice","created_at":"2026-02-20T16:55:07.000Z","cooked":"<p>` + threadTexts[0] + `</p>"},` +
		`{"post_number":4,"username":"mod","created_at":"2026-02-21T10:00:00.000Z","cooked":"<p>Spam removed.</p>","deleted_at":"2026-02-21T10:01:00.000Z"},` +
		`{"post_number":3,"username":"alice","created_at":"2026-02-21T09:12:00.000Z","cooked":"<p>` + threadTexts[2] + `</p>"}]}}`
	outer := `{"site":"{\"categories\":[]}","topic_42":` + jsonString(topic) + `}`
	text := extractPage(t, discourseShell("", outer), "https://forum.example/t/fan-at-full-speed/42")
	assertThread(t, text, "Spam removed")
	assert.Contains(t, text, "alice\n\nFebruary 20, 2026, 4:55pm\n\n"+threadTexts[0])
	assert.Contains(t, text, "bob\n\nFebruary 20, 2026, 5:07pm\n\n"+threadTexts[1])
}

func jsonString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

func TestThreadXenForo(t *testing.T) {
	post := func(user, when, body string) string {
		return `<article class="message message--post js-post" data-author="` + user + `" data-content="post-1">` +
			`<div class="message-inner"><div class="message-cell message-cell--user"><h4 class="message-name"><a class="username">` + user + `</a></h4>` +
			`<div class="message-userExtras">Messages: 1,204</div></div>` +
			`<div class="message-cell message-cell--main"><header class="message-attribution"><ul class="message-attribution-main"><li><a><time class="u-dt" datetime="2024-01-02">` + when + `</time></a></li></ul></header>` +
			`<div class="message-content"><div class="message-userContent"><article class="message-body"><div class="bbWrapper">` + body + `</div></article></div>` +
			`<aside class="message-signature"><div class="bbWrapper">My rig: Ryzen 7, 32 GB RAM, too many cables</div></aside></div>` +
			`<footer class="message-footer"><div class="reactionsBar">Like Reply</div></footer></div></div></article>`
	}
	page := `<!DOCTYPE html><html id="XF"><head><title>Fan at full speed | Example Forums</title></head><body>` +
		`<nav><ul><li><a href="/">Forums</a></li><li><a href="/whats-new">What's new</a></li></ul></nav>` +
		`<div class="p-body-main"><h1 class="p-title-value">Fan at full speed</h1><div class="block-body">` +
		post("piizog", "Jan 2, 2024", threadTexts[0]) +
		post("mer", "Jan 2, 2024", `<blockquote class="bbCodeBlock bbCodeBlock--quote"><div class="bbCodeBlock-content">`+threadTexts[0]+`</div></blockquote>`+threadTexts[1]) +
		post("piizog", "Jan 3, 2024", threadTexts[2]) +
		`</div><form class="js-quickReply"><textarea>Write your reply...</textarea><button>Post reply</button></form></div></body></html>`
	text := extractPage(t, page, "https://forums.example/threads/fan-at-full-speed.91732/")
	assertThread(t, text, "My rig", "Write your reply", "Post reply", "Messages: 1,204")
	assert.Contains(t, text, "piizog\n\nJan 2, 2024\n\n"+threadTexts[0])
	assert.Contains(t, text, "mer\n\nJan 2, 2024\n\n"+threadTexts[1])
}

func TestThreadPhpBB(t *testing.T) {
	post := func(id, user, when, body string) string {
		return `<div id="p` + id + `" class="post has-profile bg2"><div class="inner">` +
			`<dl class="postprofile"><dt><a class="username">` + user + `</a></dt><dd>Posts: 311</dd></dl>` +
			`<div class="postbody"><div id="post_content` + id + `"><h3><a href="#p` + id + `">Re: Fan at full speed</a></h3>` +
			`<p class="author"><span class="responsive-hide">by <strong><a class="username">` + user + `</a></strong> &raquo; </span><time datetime="2024-02-24T17:41:00+00:00">` + when + `</time></p>` +
			`<div class="content">` + body + `</div>` +
			`<div id="sig` + id + `" class="signature">Sent from my phone. Sig: be kind.</div></div></div></div></div>`
	}
	page := `<!DOCTYPE html><html><head><title>Fan at full speed - Example Board</title></head><body id="phpbb">` +
		`<div id="page-body"><h2 class="topic-title">Fan at full speed</h2>` +
		post("1", "changingtimes", "Sat Feb 24, 2024 12:41 pm", threadTexts[0]) +
		post("2", "grabiner", "Sat Feb 24, 2024 1:02 pm", `<blockquote><div><cite>changingtimes wrote:</cite>`+threadTexts[0]+`</div></blockquote>`+threadTexts[1]) +
		post("3", "changingtimes", "Sat Feb 24, 2024 2:15 pm", threadTexts[2]) +
		`<form id="qr_postform"><h2>Quick Reply</h2><textarea>Message body</textarea><input type="submit" value="Submit"></form></div></body></html>`
	text := extractPage(t, page, "https://board.example/viewtopic.php?t=425337")
	assertThread(t, text, "Sig: be kind", "Quick Reply", "Posts: 311")
	assert.Contains(t, text, "changingtimes\n\nSat Feb 24, 2024 12:41 pm\n\n"+threadTexts[0])
}

func TestThreadStackExchange(t *testing.T) {
	post := func(class, itemprop, body string, votes int) string {
		return `<div class="` + class + `" itemprop="` + itemprop + `" itemscope itemtype="https://schema.org/Answer">` +
			`<div class="post-layout"><div class="votecell"><div class="js-vote-count" itemprop="upvoteCount">` + strings.Repeat("1", votes) + `</div>` +
			`<button class="js-vote-up-btn">Up vote</button></div>` +
			`<div class="postcell"><div class="s-prose js-post-body" itemprop="text">` + body + `</div>` +
			`<div class="post-signature"><div class="user-info"><div class="user-action-time">answered Jan 5, 2011 at 10:02</div><div class="user-details" itemprop="author"><a>jdoe</a></div></div></div></div>` +
			`<div class="comments"><ul class="comments-list"><li class="comment"><span class="comment-copy">Have you tried turning it off and on again?</span></li></ul>` +
			`<a class="js-add-link">Add a comment</a></div></div></div>`
	}
	page := `<!DOCTYPE html><html><head><title>Fan at full speed - Super User</title></head>` +
		`<body class="question-page"><div id="content"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">` +
		`<h1 itemprop="name"><a class="question-hyperlink">Fan at full speed</a></h1>` +
		`<div id="question" class="question">` + `<div class="s-prose js-post-body" itemprop="text"><p>` + threadTexts[0] + `</p></div>` +
		`<div class="js-vote-count">42</div></div>` +
		`<div id="answers"><h2>2 Answers</h2>` +
		post("answer accepted-answer", "acceptedAnswer", "<p>"+threadTexts[1]+"</p>", 2) +
		post("answer", "suggestedAnswer", "<p>"+threadTexts[2]+"</p>", 1) +
		`<h2>Your Answer</h2><form id="post-form"><textarea>Thanks for contributing an answer</textarea><button>Post Your Answer</button></form></div>` +
		`</div></div><script type="application/ld+json">{"@type":"QAPage"}</script></body></html>`
	text := extractPage(t, page, "https://superuser.example/questions/1/fan")
	assertThread(t, text, "Up vote", "Have you tried turning", "Add a comment", "Your Answer", "Post Your Answer", "answered Jan 5")
}

func TestThreadNotForNewsComments(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Council approves budget</title><meta name="generator" content="WordPress 6.5">` +
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves budget"}</script></head><body>` +
		`<article class="post"><h1>Council approves budget</h1><div class="entry-content">`)
	for _, p := range storyProse {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</div></article><div id="comments" class="comments-area"><h2 class="comments-title">3 comments</h2><ol class="comment-list">`)
	for i, c := range []string{"Typical council, spending our money again on nothing useful at all.", "Great news for the library, finally some investment in the town centre.", "Who voted for this? I want names and I want them published tomorrow."} {
		b.WriteString(`<li id="comment-` + string(rune('1'+i)) + `" class="comment" itemscope itemtype="https://schema.org/Comment"><article class="comment-body">` +
			`<footer class="comment-meta"><span itemprop="author"><b class="fn">reader` + string(rune('1'+i)) + `</b></span><time datetime="2024-05-01">May 1, 2024</time></footer>` +
			`<div class="comment-content" itemprop="text"><p>` + c + `</p></div></article></li>`)
	}
	b.WriteString(`</ol></div></body></html>`)
	text := extractPage(t, b.String(), "https://news.example/2024/05/council-budget")
	for _, p := range storyProse {
		assert.Contains(t, text, p)
	}
	for _, c := range []string{"Typical council", "Great news for the library", "Who voted for this"} {
		assert.NotContains(t, text, c, "a news story's comments are not a thread")
	}
}

func TestThreadPageEvidence(t *testing.T) {
	for page, want := range map[string]bool{
		`<html><head><meta name="generator" content="Discourse 3.4"></head><body></body></html>`:               true,
		`<html><head><meta name="generator" content="WordPress 6.5"></head><body></body></html>`:               false,
		`<html><body><div itemscope itemtype="https://schema.org/DiscussionForumPosting"></div></body></html>`: true,
		`<html><body itemscope itemtype="https://schema.org/QAPage"></body></html>`:                            true,
		`<html><body><script type="application/ld+json">{"@type":"QAPage"}</script></body></html>`:             true,
		`<html><body><div itemscope itemtype="https://schema.org/Comment"></div></body></html>`:                false,
		`<html><body><script type="application/ld+json">{"@type":"NewsArticle"}</script></body></html>`:        false,
		`<html id="XF"><body></body></html>`:                                                                   true,
	} {
		assert.Equal(t, want, isThreadPage(parseHTML(t, page)), page)
	}
}

func TestThreadVBulletin3(t *testing.T) {
	post := func(id, user, when, body string) string {
		return `<div id="edit` + id + `"><div id="post` + id + `"><div class="tpost"><div class="trow-group">` +
			`<div class="trow thead smallfont"><div class="tcell"><a name="post` + id + `"><img src="/old.gif" alt="Old"></a> ` + when + ` </div>` +
			`<div class="tcell text-right">#<a href="/` + id + `-post.html"><strong>` + id + `</strong></a></div></div>` +
			`<div class="trow"><div class="tcell alt2"><div id="postmenu_` + id + `"><a class="bigusername" href="/members/` + user + `.html">` + user + `</a></div>` +
			`<div class="smallfont"><div>Join Date: <b>Aug 2008</b></div><div>Posts: <b>1,077</b></div></div></div>` +
			`<div class="tcell alt1" id="td_post_` + id + `"><div id="post_message_` + id + `">` + body + `</div>` +
			`<div class="signature">__________________<br>Sig: fly safe, fly often</div></div></div>` +
			`<div class="trow"><a class="quote-button" href="/newreply.php?p=` + id + `">Quote</a> <a href="/report.php">Report Post</a></div></div></div></div></div>`
	}
	page := `<!DOCTYPE html><html><head><title>Fan at full speed - Example Talk</title><meta name="generator" content="vBulletin 3.9.3"></head><body>` +
		`<div class="navbar"><a href="/">Example Talk</a> &gt; <a href="/forum/">Trip Reports</a></div><div id="posts">` +
		post("1", "lowjhg", "Feb 14, 2026 | 9:05 pm", threadTexts[0]) +
		post("2", "TedToToe", "Feb 18, 2026 | 10:18 am", `<div style="margin:20px"><div class="smallfont">Quote:</div><table><tr><td class="alt2">Originally Posted by <b>lowjhg</b><div>`+threadTexts[0]+`</div></td></tr></table></div>`+threadTexts[1]) +
		post("3", "lowjhg", "Feb 19, 2026 | 11:37 pm", threadTexts[2]) +
		`</div><div id="quickreply"><textarea>Quick Reply</textarea></div></body></html>`
	text := extractPage(t, page, "https://talk.example/forum/trip-reports/2212958-fan.html")
	assertThread(t, text, "Sig: fly safe", "Join Date", "Report Post", "Quick Reply", "Originally Posted by")
	assert.Contains(t, text, "lowjhg\n\nFeb 14, 2026 | 9:05 pm\n\n"+threadTexts[0])
	assert.Contains(t, text, "TedToToe\n\nFeb 18, 2026 | 10:18 am\n\n"+threadTexts[1])
}

func TestThreadVanilla(t *testing.T) {
	head := func(user, when string) string {
		return `<div class="Item-Header"><div class="AuthorWrap"><span class="Author"><a class="PhotoWrap" href="/profile/` + user + `"><img alt="` + user + `"></a>` +
			`<a href="/profile/` + user + `" class="Username js-userCard">` + user + `</a></span><span class="AuthorInfo"><span class="Rank MItem" title="Level 3">Level 3 member</span></span></div>` +
			`<div class="Meta"><span class="MItem DateCreated"><a class="Permalink"><time datetime="2025-03-04T19:40:35+00:00">` + when + `</time></a></span></div></div>`
	}
	body := func(text string) string {
		return `<div class="Item-BodyWrap"><div class="Item-Body"><div class="Message userContent"><p>` + text + `</p></div>` +
			`<div class="Reactions"><span class="Column-Score Hidden">0</span><span class="ReactButtons">Like Awesome</span></div></div></div>`
	}
	page := `<!DOCTYPE html><html><head><title>Fan at full speed — Example Community</title></head><body><div id="Content">` +
		`<div class="MessageList Discussion"><h1>Fan at full speed</h1><div id="Discussion_39620" class="Item ItemDiscussion"><div class="Discussion">` +
		head("Linc", "March 2025") + body(threadTexts[0]) + `</div></div></div>` +
		`<h2 class="CommentHeading">Comments</h2><ul class="MessageList DataList Comments">` +
		`<li class="Item ItemComment" id="Comment_1"><div class="Comment">` + head("K17", "March 2025") + body(threadTexts[1]) + `</div></li>` +
		`<li class="Item ItemComment" id="Comment_2"><div class="Comment">` + head("Linc", "April 2025") + body(threadTexts[2]) + `</div></li></ul>` +
		`<div class="CommentForm"><h2>Leave a Comment</h2><textarea>Comment</textarea></div></div></body></html>`
	text := extractPage(t, page, "https://community.example/discussion/39620/fan-at-full-speed")
	assertThread(t, text, "Leave a Comment", "Level 3 member", "Like Awesome")
	assert.Contains(t, text, "Linc\n\nMarch 2025\n\n"+threadTexts[0])
	assert.Contains(t, text, "K17\n\nMarch 2025\n\n"+threadTexts[1])
}

func TestThreadInvision(t *testing.T) {
	post := func(id, user, text string) string {
		return `<article id="elComment_` + id + `" class="ipsComment ipsEntry"><aside class="ipsEntry__author-column"><h3 class="cAuthorPane_author"><a class="ipsUsername">` + user + `</a></h3>` +
			`<ul class="ipsList"><li>Members</li><li>1,024 posts</li></ul></aside>` +
			`<div class="ipsEntry__main"><div class="ipsEntry__meta"><time datetime="2024-04-02T05:03:15Z" class="ipsTime ipsTime--long"><span class="ipsTime__long">April 2, 2024</span><span class="ipsTime__short">1 yr</span></time></div>` +
			`<div class="ipsEntry__content" data-role="commentContent">` + text + `</div>` +
			`<div class="ipsEntry__footer"><ul class="ipsReact"><li>Like</li><li>Quote</li></ul></div></div></article>`
	}
	page := `<!DOCTYPE html><html><head><title>Fan at full speed - Example Forums</title></head><body><div id="ipsLayout_mainArea">` +
		`<h1 class="ipsType_pageTitle">Fan at full speed</h1>` +
		post("1", "JGD", "<p>"+threadTexts[0]+"</p>") +
		post("2", "R C-R", `<blockquote class="ipsQuote" data-ipsquote=""><div class="ipsQuote_citation">JGD said:</div><div class="ipsQuote_contents"><p>`+threadTexts[0]+`</p></div></blockquote><p>`+threadTexts[1]+`</p>`) +
		post("3", "JGD", "<p>"+threadTexts[2]+"</p>") +
		`<div class="cTopicPostArea"><h2>Create an account or sign in to comment</h2></div></div></body></html>`
	text := extractPage(t, page, "https://forums.example/index.php?/topic/201820-fan/")
	assertThread(t, text, "1 yr", "1,024 posts", "JGD said:", "Create an account")
	assert.Contains(t, text, "JGD\n\nApril 2, 2024\n\n"+threadTexts[0])
	assert.Contains(t, text, "R C-R\n\nApril 2, 2024\n\n"+threadTexts[1])
}
