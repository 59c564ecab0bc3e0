package declutter

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// A page that shows both its publication and its last update date by the
// headline marks the update ("Updated", "Letzte Änderung:", class
// "updated"): such a date is taken only when no other is near.

// reModifiedLabel finds the words that introduce a modification date.
var reModifiedLabel = regexp.MustCompile(`(?i)updated|modified|aktualisiert|geändert|letzte änderung|mis à jour|actualizado|aggiornato|bijgewerkt|zaktualizowano`)

// isModifiedDate reports whether n (an element or a text node) shows a
// modification date: by its class, a label before its first digit, or a
// short label element just before it or its parent.
func isModifiedDate(n *html.Node) bool {
	var text string
	if n.Type == html.ElementNode {
		c := classAndID(n)
		if (strings.Contains(c, "updated") || strings.Contains(c, "modified") || strings.Contains(c, "lastmod")) &&
			!strings.Contains(c, "publish") {
			return true
		}
		text = metaNodeText(n, 120)
	} else {
		text = n.Data
	}
	if loc := reModifiedLabel.FindStringIndex(text); loc != nil {
		if d := strings.IndexAny(text, "0123456789"); d < 0 || loc[0] < d {
			return true
		}
	}
	// the label may precede n or its parent (<h4>Geändert am:</h4><ul><li>date)
	return hasModifiedLabelBefore(n) || (n.Parent != nil && hasModifiedLabelBefore(n.Parent))
}

func hasModifiedLabelBefore(n *html.Node) bool {
	p := n.PrevSibling
	for p != nil && p.Type == html.TextNode && strings.TrimSpace(p.Data) == "" {
		p = p.PrevSibling
	}
	if p == nil || p.Type != html.ElementNode {
		return false
	}
	label := metaNodeText(p, 60)
	// a label, not a dated line of its own
	return len(label) <= 40 && !strings.ContainsAny(label, "0123456789") && reModifiedLabel.MatchString(label)
}

// firstDate returns the date read from the first of the first max refs
// that has one, passing over those that show a modification date unless
// only they have one. The mark is checked on dated refs only: most refs
// are passed over unread.
func firstDate(refs []elemRef, max int, read func(*html.Node) (time.Time, bool)) (time.Time, bool) {
	var modified time.Time
	found := false
	for i, r := range refs {
		if i >= max {
			break
		}
		t, ok := read(r.n)
		if !ok {
			continue
		}
		if !isModifiedDate(r.n) {
			return t, true
		}
		if !found {
			modified, found = t, true
		}
	}
	return modified, found
}
