#include "http/trusted_proxies.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace deltalabs::http {

namespace {

using Bytes = std::array<std::uint8_t, 16>;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The bare address of an entry: spaces trimmed, brackets and a port dropped.
std::string_view strip(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    return close == std::string_view::npos ? std::string_view() : text.substr(1, close - 1);
  }
  // One colon is IPv4 with a port; more are IPv6 without one.
  if (const auto colon = text.find(':');
      colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos) {
    return text.substr(0, colon);
  }
  return text;
}

// The 16 bytes of exactly an address (IPv4 mapped into IPv6), or nullopt.
std::optional<Bytes> parse_exact(const std::string& bare) {
  Bytes out{};
  in_addr v4{};
  if (inet_pton(AF_INET, bare.c_str(), &v4) == 1) {
    out[10] = out[11] = 0xff;
    const auto* b = reinterpret_cast<const std::uint8_t*>(&v4.s_addr);
    std::copy(b, b + 4, out.begin() + 12);
    return out;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, bare.c_str(), &v6) == 1) {
    std::copy(v6.s6_addr, v6.s6_addr + 16, out.begin());
    return out;
  }
  return std::nullopt;
}

// The 16 bytes of an address as forwarding headers write it, or nullopt.
std::optional<Bytes> parse_bytes(std::string_view text) {
  return parse_exact(std::string(strip(text)));
}

bool is_v4_mapped(const Bytes& b) {
  for (int i = 0; i < 10; ++i) {
    if (b[i] != 0) return false;
  }
  return b[10] == 0xff && b[11] == 0xff;
}

std::string to_text(const Bytes& b) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (is_v4_mapped(b)) {
    inet_ntop(AF_INET, b.data() + 12, buf, sizeof buf);
  } else {
    inet_ntop(AF_INET6, b.data(), buf, sizeof buf);
  }
  return buf;
}

}  // namespace

std::string canonical_address(std::string_view text) {
  const auto bytes = parse_bytes(text);
  return bytes ? to_text(*bytes) : std::string();
}

Result<TrustedProxies> TrustedProxies::parse(const std::vector<std::string>& entries) {
  TrustedProxies out;
  for (const auto& raw : entries) {
    const std::string entry(trim(raw));
    if (entry.empty()) continue;
    const auto slash = entry.find('/');
    const std::string address = entry.substr(0, slash);
    const auto bytes = parse_exact(address);
    const bool v4 = bytes && address.find(':') == std::string::npos;
    int prefix = 128;
    bool ok = bytes.has_value();
    if (ok && slash != std::string::npos) {
      const std::string_view bits = std::string_view(entry).substr(slash + 1);
      int n = -1;
      const auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), n);
      ok = ec == std::errc{} && end == bits.data() + bits.size() && n >= 0 && n <= (v4 ? 32 : 128);
      prefix = v4 ? 96 + n : n;
    }
    if (!ok) {
      return Error::bad_request("INVALID_TRUSTED_PROXY",
                                "A trusted proxy must be an IP address or CIDR range (10.0.0.0/8, "
                                "fd00::/8), not '" +
                                    raw + "'.");
    }
    out.ranges_.push_back({*bytes, prefix});
  }
  return out;
}

bool TrustedProxies::trusts(std::string_view address) const {
  const auto bytes = parse_bytes(address);
  if (!bytes) return false;
  for (const auto& r : ranges_) {
    int left = r.prefix;
    bool match = true;
    for (std::size_t i = 0; i < 16 && left > 0 && match; ++i, left -= 8) {
      const std::uint8_t mask = left >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - left));
      match = ((*bytes)[i] & mask) == (r.bytes[i] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string TrustedProxies::client_address(std::string_view peer,
                                           std::string_view forwarded_for) const {
  std::string client = canonical_address(peer);
  if (client.empty()) client = std::string(peer);
  if (ranges_.empty() || forwarded_for.empty() || !trusts(peer)) return client;
  // Right to left: each hop appended the address it received the request from.
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view entry = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (strip(entry).empty()) continue;
    const std::string address = canonical_address(entry);
    if (address.empty()) return client;  // garbage: believe only the hop that wrote it
    client = address;
    if (!trusts(address)) return client;
  }
  return client;
}

}  // namespace deltalabs::http
