package declutter

import (
	"strconv"
	"strings"
)

// jsonLD is what the page's schema.org JSON-LD says about the article.
type jsonLD struct {
	found               bool // an article-like object was found
	headline            string
	authors             []string
	publisher           string
	siteName            string // a WebSite object's name, or isPartOf's
	published, modified string
	image               string
	keywords            []string
	language            string
	description         string
	url                 string
	bodyChars           int // the collapsed length of articleBody, 0 when absent
}

// articleTypes are the schema.org types whose properties describe the
// article itself; pageTypes describe the page and are a fallback.
var articleTypes = map[string]int{
	"newsarticle": 3, "article": 3, "blogposting": 3, "reportagenewsarticle": 3, "livebloggposting": 3,
	"liveblogposting": 3, "analysisnewsarticle": 3, "opinionnewsarticle": 3, "reviewnewsarticle": 3,
	"backgroundnewsarticle": 3, "askpublicnewsarticle": 3, "satiricalarticle": 3, "scholarlyarticle": 3,
	"techarticle": 3, "socialmediaposting": 2, "discussionforumposting": 2, "report": 2, "posting": 2,
	"advertisercontentarticle": 2, "review": 1, "recipe": 1, "howto": 1, "videoobject": 1, "creativework": 1,
	"webpage": 1, "itempage": 1, "collectionpage": 0, "medicalwebpage": 1, "aboutpage": 0,
}

// readJSONLD parses every ld+json script and picks the best article-like
// object: the highest-ranked type, the first one among equals. Objects in
// @graph, top-level arrays and WebPage.mainEntity count; objects nested in
// other properties (related items, lists) do not.
func readJSONLD(scripts []string) jsonLD {
	var objs []map[string]any
	byID := map[string]map[string]any{}
	for _, src := range scripts {
		for _, o := range decodeJSONLD(src) {
			collectLD(o, &objs, byID, 0)
		}
	}
	var out jsonLD
	best, bestRank := map[string]any(nil), -1
	for _, o := range objs {
		r := -1
		for _, t := range ldTypes(o) {
			if v, ok := articleTypes[t]; ok && v > r {
				r = v
			}
			if t == "website" && out.siteName == "" {
				out.siteName = ldString(o["name"])
			}
		}
		if r > bestRank && (ldString(o["headline"]) != "" || ldString(o["datePublished"]) != "" || r >= 3) {
			best, bestRank = o, r
		}
	}
	if best == nil {
		return out
	}
	out.found = bestRank >= 2
	out.fill(best, byID)
	return out
}

func (out *jsonLD) fill(o map[string]any, byID map[string]map[string]any) {
	out.headline = ldString(o["headline"])
	out.bodyChars = collapsedLen(ldString(o["articleBody"]))
	if out.headline == "" && out.found {
		out.headline = ldString(o["name"])
	}
	out.authors = ldNames(o["author"], byID)
	if len(out.authors) == 0 {
		out.authors = ldNames(o["creator"], byID)
	}
	if p := ldNames(o["publisher"], byID); len(p) > 0 {
		out.publisher = p[0]
	}
	if p := ldNames(o["isPartOf"], byID); len(p) > 0 && out.siteName == "" {
		out.siteName = p[0]
	}
	out.published = ldString(o["datePublished"])
	if out.published == "" {
		out.published = ldString(o["dateCreated"])
	}
	out.modified = ldString(o["dateModified"])
	out.image = ldURL(o["image"])
	if out.image == "" {
		out.image = ldURL(o["thumbnailUrl"])
	}
	out.keywords = ldKeywords(o["keywords"])
	out.language = ldString(o["inLanguage"])
	if out.language == "" {
		if m, ok := o["inLanguage"].(map[string]any); ok {
			out.language = ldString(m["alternateName"])
		}
	}
	out.description = ldString(o["description"])
	out.url = ldString(o["url"])
}

// decodeJSONLD decodes one script's JSON, tolerating the wrappers (HTML
// comments, CDATA sections) and the raw newlines and tabs inside strings
// that many CMSs emit.
func decodeJSONLD(src string) []any {
	if hasLDWrapper(src) {
		// the replacer copies its input even when nothing matches
		src = ldWrappers.Replace(src)
	}
	start := strings.IndexAny(src, "{[")
	end := strings.LastIndexAny(src, "}]")
	if start < 0 || end < start {
		return nil
	}
	src = src[start : end+1]
	v, ok := parseLDJSON(src)
	if !ok {
		if v, ok = parseLDJSON(ldRawSpace.Replace(src)); !ok {
			return nil
		}
	}
	if a, ok := v.([]any); ok {
		return a
	}
	return []any{v}
}

var (
	ldWrappers = strings.NewReplacer("<![CDATA[", " ", "]]>", " ", "<!--", " ", "-->", " ")
	ldRawSpace = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")
)

// hasLDWrapper reports whether src holds any of the strings ldWrappers
// replaces.
func hasLDWrapper(src string) bool {
	return strings.Contains(src, "<![CDATA[") || strings.Contains(src, "]]>") ||
		strings.Contains(src, "<!--") || strings.Contains(src, "-->")
}

// collectLD adds o and the objects of its @graph / mainEntity to objs, and
// indexes every object with an @id so that references can be followed.
func collectLD(v any, objs *[]map[string]any, byID map[string]map[string]any, depth int) {
	if depth > 4 {
		return
	}
	switch o := v.(type) {
	case []any:
		for _, e := range o {
			collectLD(e, objs, byID, depth+1)
		}
	case map[string]any:
		if id := ldString(o["@id"]); id != "" && len(o) > 1 {
			if _, dup := byID[id]; !dup {
				byID[id] = o
			}
		}
		*objs = append(*objs, o)
		if g, ok := o["@graph"]; ok {
			collectLD(g, objs, byID, depth+1)
		}
		if me, ok := o["mainEntity"].(map[string]any); ok {
			collectLD(me, objs, byID, depth+1)
		}
		// people and organisations nested anywhere are reference targets
		for _, k := range [...]string{"author", "publisher", "creator"} {
			indexLD(o[k], byID)
		}
	}
}

func indexLD(v any, byID map[string]map[string]any) {
	switch o := v.(type) {
	case []any:
		for _, e := range o {
			indexLD(e, byID)
		}
	case map[string]any:
		if id := ldString(o["@id"]); id != "" && len(o) > 1 {
			if _, dup := byID[id]; !dup {
				byID[id] = o
			}
		}
	}
}

// ldTypes returns o's @type values, lowercased.
func ldTypes(o map[string]any) []string {
	switch t := o["@type"].(type) {
	case string:
		return []string{strings.ToLower(strings.TrimPrefix(t, "schema:"))}
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(strings.TrimPrefix(s, "schema:")))
			}
		}
		return out
	}
	return nil
}

// ldString returns v as a string: strings as they are, numbers in full
// (epoch dates), the first element of an array, an object's @value.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

// ldNames returns the names of the people or organisations in v: strings,
// objects with a name (or given and family names), arrays of either, and
// @id references resolved through byID.
func ldNames(v any, byID map[string]map[string]any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			out = append(out, ldNames(e, byID)...)
		}
	case map[string]any:
		name := ldString(x["name"])
		if name == "" {
			name = strings.TrimSpace(ldString(x["givenName"]) + " " + ldString(x["familyName"]))
		}
		if name == "" {
			if ref, ok := byID[ldString(x["@id"])]; ok && len(x) <= 2 {
				return ldNames(ref, nil)
			}
		}
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}

// ldURL returns an image or page URL from a string, an ImageObject (url or
// contentUrl), or the first of an array.
func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldURL(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := ldURL(x["url"]); s != "" {
			return s
		}
		return ldURL(x["contentUrl"])
	}
	return ""
}

// ldKeywords returns keywords given as a comma-separated string or a list.
func ldKeywords(v any) []string {
	var raw []string
	switch x := v.(type) {
	case string:
		raw = strings.Split(x, ",")
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				raw = append(raw, s)
			}
		}
	}
	var out []string
	for _, k := range raw {
		if k = metaPlain(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}
