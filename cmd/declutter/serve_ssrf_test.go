package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPublicOnly(t *testing.T) {
	for _, c := range []struct {
		ip   string
		want bool
	}{
		{"93.184.215.14", true},
		{"8.8.8.8", true},
		{"2606:4700::6810:84e5", true},
		{"127.0.0.1", false},
		{"127.0.0.2", false},
		{"::1", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.1.2.3", false},
		{"64:ff9b::a00:1", false}, // NAT64 to 10.0.0.1
		{"64:ff9b::808:808", true},
		{"10.0.0.1", false},
		{"172.16.5.4", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fd00:ec2::254", false},   // AWS metadata over IPv6 (unique local)
		{"fe80::1", false},
		{"100.64.0.1", false}, // carrier-grade NAT
		{"0.0.0.0", false},
		{"::", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
	} {
		assert.Equal(t, c.want, publicOnly(netip.MustParseAddr(c.ip)), c.ip)
	}
}

// site serves the seed-like test article and redirects to wherever ?to=
// says.
func newRedirectSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(articleHTML("Alpha depot", story("alpha")...)))
	})
	mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	})
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func fetchURL(ts *httptest.Server, target string) string {
	return ts.URL + "/extract?format=text&url=" + url.QueryEscape(target)
}

// With the default policy every non-public destination is refused before
// a connection is made, whatever name or notation reaches it.
func TestServeFetchRefusesPrivateAddresses(t *testing.T) {
	site := newRedirectSite(t)
	_, port, err := net.SplitHostPort(strings.TrimPrefix(site.URL, "http://"))
	require.NoError(t, err)
	_, ts, _ := newTestServer(t, func(c *serveConfig) { c.fetch = true })
	for _, target := range []string{
		site.URL + "/story",                        // 127.0.0.1
		"http://localhost:" + port + "/story",      // a name for it
		"http://[::1]:" + port + "/story",          // IPv6 loopback
		"http://[::ffff:127.0.0.1]:" + port + "/",  // IPv4-mapped
		"http://0.0.0.0:" + port + "/story",        // unspecified: reaches localhost
		"http://169.254.169.254/latest/meta-data/", // cloud metadata
		"http://[fd00:ec2::254]/latest/meta-data/", // its IPv6 address
		"http://10.0.0.1/", "http://192.168.0.1/",  // private
		"http://[fe80::1%25lo]:" + port + "/story", // link-local with a zone
		"http://100.100.100.200/latest/meta-data/", // CGNAT (another cloud's metadata)
	} {
		resp, body := get(t, fetchURL(ts, target))
		wantError(t, resp, body, http.StatusForbidden, "address not allowed")
	}
	// The inspector's URL field goes through the same guard.
	resp, body := inspect(t, ts.URL, map[string][]string{"fetch_url": {site.URL + "/story"}}, nil)
	wantError(t, resp, body, http.StatusForbidden, "address not allowed")
}

// The guard checks every connection, redirects included: a server the
// policy allows (the test's own, on 127.0.0.1) cannot bounce the fetch to
// one it does not.
func TestServeFetchRefusesRedirectToPrivate(t *testing.T) {
	site := newRedirectSite(t)
	_, port, err := net.SplitHostPort(strings.TrimPrefix(site.URL, "http://"))
	require.NoError(t, err)
	s, ts, _ := newTestServer(t, func(c *serveConfig) { c.fetch = true })
	testServer := netip.MustParseAddr("127.0.0.1")
	s.setFetchPolicy(func(ip netip.Addr) bool { return ip == testServer || publicOnly(ip) })

	// The first hop is allowed, and so is a redirect to it.
	resp, body := get(t, fetchURL(ts, site.URL+"/go?to=/story"))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "The alpha council met")

	for _, to := range []string{
		"http://127.0.0.2:" + port + "/story",
		"http://[::1]:" + port + "/story",
		"http://169.254.169.254/latest/meta-data/",
		"http://10.1.2.3/",
	} {
		resp, body := get(t, fetchURL(ts, site.URL+"/go?to="+url.QueryEscape(to)))
		wantError(t, resp, body, http.StatusForbidden, "address not allowed")
	}
}

func TestServeFetch(t *testing.T) {
	site := newRedirectSite(t)
	_, ts, _ := newTestServer(t, func(c *serveConfig) { c.fetch = true; c.allowPrivate = true })
	resp, body := get(t, fetchURL(ts, site.URL+"/go?to=/story"))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "The alpha council met")

	resp, body = get(t, ts.URL+"/extract?url="+url.QueryEscape(site.URL+"/story"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `"url":"`+site.URL+`/story"`)

	for _, c := range []struct {
		target   string
		status   int
		contains string
	}{
		{"", 400, "missing ?url="},
		{"ftp://example.org/x", 400, "want an absolute http or https URL"},
		{"/story", 400, "want an absolute http or https URL"},
		{site.URL + "/gone", 502, "404"},
		{site.URL + "/logo.png", 415, "not a web page"},
	} {
		resp, body := get(t, fetchURL(ts, c.target))
		wantError(t, resp, body, c.status, c.contains)
	}

	// The inspector fetches too.
	resp, body = inspect(t, ts.URL, map[string][]string{"fetch_url": {site.URL + "/story"}}, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "The alpha council met")
}
