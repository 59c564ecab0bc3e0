package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// errBlockedAddr means a fetch would have connected to an address the
// server refuses: loopback, private, link-local (cloud metadata lives
// there), multicast or unspecified.
var errBlockedAddr = errors.New("address not allowed")

// addrPolicy reports whether the server may connect to ip.
type addrPolicy func(ip netip.Addr) bool

// nonPublic holds the ranges that netip's predicates do not name but that
// no public web server uses.
var nonPublic = [...]netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),   // reserved, and broadcast
	netip.MustParsePrefix("2001:db8::/32"), // documentation
}

// nat64 is the well-known NAT64 prefix: its addresses reach the IPv4
// address in their last 32 bits.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// publicOnly is the default policy: only globally routable unicast
// addresses. IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4
// address they reach, so [::ffff:127.0.0.1] is loopback.
func publicOnly(ip netip.Addr) bool {
	ip = ip.Unmap()
	if nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// anyAddr is the policy of -allow-private.
func anyAddr(netip.Addr) bool { return true }

// guardedTransport is an HTTP transport whose every connection, redirects
// included, is checked against allow on the IP address actually being
// connected to, after name resolution: a name that resolves to 127.0.0.1,
// or a public server that redirects to a private one, is refused. It uses
// no proxy, which would hide the real destination from the check.
func guardedTransport(allow addrPolicy) *http.Transport {
	d := &net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return fmt.Errorf("%w: %s", errBlockedAddr, address)
			}
			ip, err := netip.ParseAddr(host)
			if err != nil || !allow(ip) {
				return fmt.Errorf("%w: %s", errBlockedAddr, host)
			}
			return nil
		},
	}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
	}
}
