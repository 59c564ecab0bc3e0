package declutter

import (
	"context"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// documentBase returns the URL relative links resolve against: the page's
// <base href> resolved against pageURL, else pageURL, else the page's
// canonical URL (a saved page often states it even when the caller does
// not know where the file came from).
func documentBase(doc *html.Node, pageURL *url.URL, canonical string) *url.URL {
	for n := doc; n != nil; n = nextSkipping(n, doc, false) {
		if n.Type == html.ElementNode && n.Data == "body" {
			break // <base> only counts in <head>
		}
		if n.Type != html.ElementNode || n.Data != "base" {
			continue
		}
		href := strings.TrimSpace(attrOf(n, "href"))
		if href == "" {
			continue
		}
		b, err := url.Parse(href)
		if err != nil {
			break
		}
		if pageURL != nil {
			b = pageURL.ResolveReference(b)
		}
		if b.IsAbs() && isWebScheme(b.Scheme) {
			return b
		}
		break
	}
	if pageURL != nil {
		return pageURL
	}
	if c, err := url.Parse(canonical); err == nil && c.IsAbs() && isWebScheme(c.Scheme) {
		return c
	}
	return nil
}

func isWebScheme(s string) bool { return s == "http" || s == "https" }

// lazySources are attributes where lazy-loading scripts keep the real
// image URL until the image scrolls into view.
var lazySources = []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src"}

// resolveURLs makes every URL in body absolute against base (which may be
// nil), drops user names and passwords from them, and moves lazy images'
// real sources into src and srcset.
// It gives up with the context's error once ctx is done.
func resolveURLs(ctx context.Context, body *html.Node, base *url.URL) error {
	check := newCtxCheck(ctx)
	for n := range body.Descendants() {
		if check.done() {
			return canceled(ctx)
		}
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "img" || n.Data == "source" {
			fixLazy(n)
		}
		for i := range n.Attr {
			a := &n.Attr[i]
			if a.Namespace != "" || base == nil && strings.IndexByte(a.Val, '@') < 0 {
				continue // without a base, only credentials are taken out
			}
			switch a.Key {
			case "href", "src", "poster", "cite":
				a.Val = resolveRef(base, a.Val)
			case "srcset":
				a.Val = resolveSrcset(base, a.Val)
			}
		}
	}
	return nil
}

// fixLazy copies a lazy-loaded image's real source into src/srcset when
// src is missing or a placeholder.
func fixLazy(n *html.Node) {
	src := strings.TrimSpace(attrOf(n, "src"))
	if src == "" || strings.HasPrefix(src, "data:") || strings.Contains(src, "placeholder") || strings.Contains(src, "blank.gif") {
		for _, k := range lazySources {
			if v := strings.TrimSpace(attrOf(n, k)); v != "" && !strings.HasPrefix(v, "data:") {
				setNodeAttr(n, "src", v)
				break
			}
		}
	}
	if attrOf(n, "srcset") == "" {
		if v := strings.TrimSpace(firstNonEmpty(attrOf(n, "data-srcset"), attrOf(n, "data-lazy-srcset"))); v != "" {
			setNodeAttr(n, "srcset", v)
		}
	}
}

// resolveRef resolves ref against base, which may be nil (then a relative
// ref stays as written); refs that do not parse, and non-hierarchical ones
// such as mailto: or data:, stay as they are. A user name or password in
// the URL is dropped: a page's links must not hand on the credentials of
// the address it was fetched from, nor any the page wrote.
func resolveRef(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "mailto:") {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil || u.IsAbs() && !isWebScheme(strings.ToLower(u.Scheme)) {
		return ref
	}
	if base == nil {
		if u.User == nil {
			return ref
		}
		u.User = nil
		return u.String()
	}
	r := base.ResolveReference(u)
	r.User = nil
	return r.String()
}

// withoutUserinfo returns u without its user name and password, and u
// itself when it has none.
func withoutUserinfo(u *url.URL) *url.URL {
	if u == nil || u.User == nil {
		return u
	}
	c := *u
	c.User = nil
	return &c
}

// resolveSrcset resolves each URL of a srcset list, keeping descriptors.
func resolveSrcset(base *url.URL, srcset string) string {
	parts := strings.Split(srcset, ",")
	for i, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		f[0] = resolveRef(base, f[0])
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, ", ")
}
