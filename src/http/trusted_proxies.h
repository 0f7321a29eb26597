#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace deltalabs::http {

// The reverse proxies whose X-Forwarded-For the server believes, as addresses
// or CIDR ranges (IPv4 and IPv6). Empty by default: then the peer address is
// the client, whatever the header says. Immutable after parsing; thread-safe.
class TrustedProxies {
 public:
  // Parses "10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"; 400 INVALID_TRUSTED_PROXY otherwise.
  static Result<TrustedProxies> parse(const std::vector<std::string>& entries);

  // True when no proxy is trusted.
  bool empty() const { return ranges_.empty(); }
  // True when `address` lies in a trusted range.
  bool trusts(std::string_view address) const;
  // The client a request speaks for: the peer itself unless the peer is a
  // trusted proxy; then X-Forwarded-For (`forwarded_for`, every header's
  // value joined by ',') is read right to left, skipping trusted hops, and the
  // first untrusted address wins. Entries left of it were written by the
  // client and are never believed. An entry that is no address stops the walk
  // at the hop that wrote it; a header of trusted hops only yields its first.
  std::string client_address(std::string_view peer, std::string_view forwarded_for) const;

 private:
  struct Range {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix = 128;                      // bits that must match
  };
  std::vector<Range> ranges_;
};

// An address in canonical text (IPv4 dotted, IPv6 compressed; IPv4-mapped IPv6
// shown as IPv4), or "" when `text` is not one. Accepts "[v6]", "[v6]:port"
// and "v4:port" as they appear in forwarding headers.
std::string canonical_address(std::string_view text);

}  // namespace deltalabs::http
