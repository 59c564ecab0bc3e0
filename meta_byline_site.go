package declutter

import (
	"net/url"
	"regexp"
	"strings"
)

// Names that are the publisher's, not a person's: the site's name, its
// domain ("mdr.de" on MDR's pages), the site's staff ("Us Weekly Staff"),
// a company by its legal form, or a desk ("Online-Redaktion").

// publisherKeys holds the titleKeys of the site's names and domain labels.
type publisherKeys map[string]bool

func newPublisherKeys(s *pageScan, siteName string, ld jsonLD) publisherKeys {
	k := publisherKeys{}
	for _, n := range []string{siteName, ld.publisher, ld.siteName} {
		if t := titleKey(n); t != "" {
			k[t] = true
		}
	}
	for _, raw := range []string{s.canonical, s.meta("og:url")} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Host != "" {
			for _, d := range domainNames(u) {
				k[titleKey(d)] = true
			}
			break
		}
	}
	return k
}

// reLegalForm matches a company's legal form at the end of its name.
var reLegalForm = regexp.MustCompile(`(?i)(?:\s|^)(?:e\.\s?v\.?|ggmbh|gmbh|ag|se|kg|inc\.?|ltd\.?|llc|plc|s\.a\.?|s\.l\.?|b\.v\.?)$`)

// reDomainName matches a bare domain name: "mdr.de", "stol.it".
var reDomainName = regexp.MustCompile(`(?i)^[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}$`)

// staffWords are what sites put after their name for the newsroom.
var staffWords = []string{"staff", "team", "redaktion", "editors", "editorialteam", "newsdesk", "desk", "online"}

// deskNames are the titleKeys of a newsroom named without the site.
var deskNames = map[string]bool{"redaktion": true, "onlineredaktion": true, "team": true, "staff": true,
	"newsdesk": true, "editorialteam": true, "editorialstaff": true, "staffwriter": true}

// weak reports whether name is the publisher's rather than a person's.
func (k publisherKeys) weak(name string) bool {
	if reLegalForm.MatchString(name) || reDomainName.MatchString(name) {
		return true
	}
	t := titleKey(name)
	if deskNames[t] {
		return true
	}
	if k[t] || k[strings.TrimPrefix(t, "the")] || k[strings.TrimPrefix(t, "redaktion")] {
		return true
	}
	for _, w := range staffWords {
		if strings.HasSuffix(t, w) && k[strings.TrimSuffix(t, w)] {
			return true
		}
	}
	// "MDR THÜRINGEN": the site's name and its region or desk
	if i := strings.IndexByte(name, ' '); i > 0 {
		if f := titleKey(name[:i]); len(f) >= 3 && k[f] {
			return true
		}
	}
	return false
}
