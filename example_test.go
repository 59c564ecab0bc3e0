package declutter_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/declutter/declutter"
)

// page is a saved news page: site chrome, a promotion box and a
// reading-time label around a short story.
const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tram depot to become a library | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Ana Ruiz">
</head>
<body>
<header><a href="/">Example News</a> <nav><a href="/world">World</a> <a href="/city">City</a></nav></header>
<main>
<article>
<h1>Tram depot to become a library</h1>
<p class="byline">By Ana Ruiz · <time datetime="2024-05-02T09:30:00+02:00">2 May 2024</time></p>
<span class="reading-label">4 min read</span>
<p>The city council voted on Tuesday to turn the old tram depot into a public library, ending a decade of debate over one of the last large plots in the centre.</p>
<div class="promo-box"><p>Get the Example News app for the latest city stories, every morning before breakfast and every evening after work.</p></div>
<p>The plan keeps the brick halls and the steel roof of the depot, and adds a reading room under the old traverser pit, with study rooms open until midnight.</p>
<p>Critics said the plot should have been sold for housing. A petition asked for a third of the flats to be affordable; the council rejected it by 31 votes to 12.</p>
<p>Work on the roof is expected to start early next year, and the library should open in the spring of 2027, the city's planning office said.</p>
</article>
</main>
<footer>© Example News · <a href="/privacy">Privacy</a></footer>
</body>
</html>`

// Extract with the default extractor: a page in, a clean article out.
func Example() {
	a, err := declutter.Extract(context.Background(), strings.NewReader(page), "https://news.example.org/city/depot")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published.Format(time.RFC3339))
	fmt.Println(strings.Contains(a.Text, "ending a decade of debate"))
	fmt.Println(strings.Contains(a.Text, "Privacy"))
	// Output:
	// Tram depot to become a library
	// 2024-05-02T09:30:00+02:00
	// true
	// false
}

// summarise prints the article of a saved page: headline, byline, date
// and length, and logs what the boilerplate rules removed.
func summarise(ctx context.Context, path, pageURL string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()

	a, err := declutter.Extract(ctx, f, pageURL)
	switch {
	case errors.Is(err, declutter.ErrNoContent):
		// an empty page, a login form, a list of links: nothing to read
		fmt.Println("no article")
		return nil
	case err != nil:
		return err
	}
	fmt.Println(a.Title)
	fmt.Println(a.Byline, a.Published.Format(time.DateOnly))
	fmt.Println(a.WordCount, "words")
	// a.Text is the body as plain text, a.Content as sanitised HTML (safe
	// to put in your page).
	md, err := a.Markdown() // and as Markdown
	if err != nil {
		return err
	}
	fmt.Println(strings.Contains(md, "tram depot"))
	for _, r := range a.Removed {
		log.Printf("rule %s removed %q", r.Rule, r.Snippet)
	}
	return nil
}

// The README's example, summarise, on a saved story and on an empty page.
func Example_summarise() {
	dir, err := os.MkdirTemp("", "declutter-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	story, empty := filepath.Join(dir, "story.html"), filepath.Join(dir, "empty.html")
	if err := os.WriteFile(story, []byte(page), 0o600); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(empty, []byte("<html><body></body></html>"), 0o600); err != nil {
		log.Fatal(err)
	}
	log.SetOutput(io.Discard) // summarise logs the removals
	defer log.SetOutput(os.Stderr)

	for _, path := range []string{story, empty, filepath.Join(dir, "missing.html")} {
		if err := summarise(context.Background(), path, "https://news.example.org/city/depot"); err != nil {
			fmt.Println("error:", errors.Is(err, fs.ErrNotExist))
		}
	}
	// Output:
	// Tram depot to become a library
	// Ana Ruiz 2024-05-02
	// 137 words
	// true
	// no article
	// error: true
}

// Add a rule of your own: here, a site's app promotion inside the article.
// Rules are data; New compiles them once and reports a bad one by name.
func ExampleNew_customRule() {
	ex, err := declutter.New(declutter.Options{
		Rules: []declutter.Rule{{
			Name:     "app-promo",
			Stage:    declutter.StagePage, // before the readability pass
			Selector: ".promo-box",
			Text:     `(?i)\bapp\b`, // and only when it is about the app
			MaxChars: 200,           // a long block is article text
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	a, err := ex.Extract(context.Background(), strings.NewReader(page), "https://news.example.org/city/depot")
	if err != nil {
		log.Fatal(err)
	}
	b, err := declutter.Extract(context.Background(), strings.NewReader(page), "https://news.example.org/city/depot")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("with the rule:", strings.Contains(a.Text, "Get the Example News app"))
	fmt.Println("without it:", strings.Contains(b.Text, "Get the Example News app"))
	// Output:
	// with the rule: false
	// without it: true
}

// A rule's Match tests in Go, with goquery, what a selector and a pattern
// cannot say: here, a box holding one paragraph set between two paragraphs
// of the story.
func ExampleRule_match() {
	ex, err := declutter.New(declutter.Options{
		Rules: []declutter.Rule{{
			Name:     "inline-box",
			Stage:    declutter.StagePage, // the readability pass unwraps such boxes
			Selector: "div",
			MaxChars: 300,
			Match: func(s *goquery.Selection) bool {
				return s.Children().Length() == 1 && s.Children().Is("p") &&
					s.Prev().Is("p") && s.Next().Is("p")
			},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	a, err := ex.Extract(context.Background(), strings.NewReader(page), "https://news.example.org/city/depot")
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range a.Removed {
		if r.Rule == "inline-box" {
			fmt.Println(r.Snippet)
		}
	}
	// Output:
	// Get the Example News app for the latest city stories, every morning before break…
}

// An invalid rule is an error that names it.
func ExampleNew_invalidRule() {
	_, err := declutter.New(declutter.Options{
		Rules: []declutter.Rule{{Name: "broken", Selector: "div[class="}},
	})
	fmt.Println(errors.Is(err, declutter.ErrInvalidRule))
	fmt.Println(strings.Contains(err.Error(), `"broken"`))
	// Output:
	// true
	// true
}

// Switch off a built-in rule by name, here the one that removes
// reading-time labels such as "4 min read".
func ExampleNew_disableRule() {
	ex, err := declutter.New(declutter.Options{DisableRules: []string{"reading-time"}})
	if err != nil {
		log.Fatal(err)
	}
	a, err := ex.Extract(context.Background(), strings.NewReader(page), "")
	if err != nil {
		log.Fatal(err)
	}
	b, err := declutter.Extract(context.Background(), strings.NewReader(page), "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("kept with the rule off:", strings.Contains(a.Text, "4 min read"))
	fmt.Println("kept by default:", strings.Contains(b.Text, "4 min read"))
	// Output:
	// kept with the rule off: true
	// kept by default: false
}

// Removed says what the rules took out and which rule did, so that you can
// see why text went missing.
func ExampleArticle_removed() {
	ex, err := declutter.New(declutter.Options{
		Rules: []declutter.Rule{{Name: "app-promo", Selector: ".promo-box"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	a, err := ex.Extract(context.Background(), strings.NewReader(page), "")
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range a.Removed {
		if r.Rule == "app-promo" { // built-in rules may have removed more
			words := strings.Fields(r.Snippet) // the start of the removed text
			fmt.Println(r.Rule+":", strings.Join(words[:5], " "), "...")
		}
	}
	// Output:
	// app-promo: Get the Example News app ...
}

// Bound the work with a context: extraction stops when it is done, and the
// error says so.
func ExampleExtractor_Extract_context() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	a, err := declutter.Extract(ctx, strings.NewReader(page), "")
	fmt.Println(a != nil, err)

	canceled, cancelNow := context.WithCancel(context.Background())
	cancelNow() // e.g. the user went away
	_, err = declutter.Extract(canceled, strings.NewReader(page), "")
	fmt.Println(errors.Is(err, declutter.ErrCanceled), errors.Is(err, context.Canceled))
	// Output:
	// true <nil>
	// true true
}

// A page without an article is an error you can test for.
func ExampleExtract_noContent() {
	_, err := declutter.Extract(context.Background(), strings.NewReader("<html><body></body></html>"), "")
	fmt.Println(errors.Is(err, declutter.ErrNoContent))
	// Output:
	// true
}

// Render the article as Markdown, with its metadata as YAML front matter.
func ExampleArticle_MarkdownWith() {
	a, err := declutter.Extract(context.Background(), strings.NewReader(page), "https://news.example.org/city/depot")
	if err != nil {
		log.Fatal(err)
	}
	md, err := a.MarkdownWith(declutter.MarkdownOptions{FrontMatter: true, Title: true})
	if err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(md, "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[1])
	fmt.Println(strings.Contains(md, "\n---\n\n# Tram depot to become a library\n"))
	fmt.Println(strings.Contains(md, "\nThe city council voted on Tuesday"))
	// Output:
	// ---
	// title: "Tram depot to become a library"
	// true
	// true
}
