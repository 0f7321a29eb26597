#include "core/uuid.h"

#include <sodium.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>

namespace deltalabs {

namespace {

// Fills `out` with random bytes from a per-thread block drawn from libsodium:
// one getrandom system call per 512 ids instead of one per id (a request
// makes at least one, its request id). The bytes are the same CSPRNG's.
void id_random_bytes(unsigned char* out, std::size_t n) {
  thread_local std::array<unsigned char, 4096> block{};
  thread_local std::size_t used = block.size();
  if (block.size() - used < n) {
    randombytes_buf(block.data(), block.size());
    used = 0;
  }
  std::memcpy(out, block.data() + used, n);
  used += n;
}

}  // namespace

std::string new_uuid_v7() {
  // 48-bit Unix milliseconds, then a 12-bit sub-millisecond sequence so ids made
  // in the same millisecond on this process still sort in creation order.
  static std::atomic<std::uint64_t> last{0};
  const auto now_ms =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  std::uint64_t previous = last.load(std::memory_order_relaxed);
  std::uint64_t next = 0;
  do {
    next = std::max(now_ms << 12, previous + 1);
  } while (!last.compare_exchange_weak(previous, next, std::memory_order_relaxed));
  const std::uint64_t ms = next >> 12;
  const std::uint64_t seq = next & 0xfff;

  std::array<unsigned char, 16> b{};
  id_random_bytes(b.data() + 8, 8);  // bytes 0-7 are the time and sequence
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (40 - 8 * i));
  b[6] = static_cast<unsigned char>(0x70 | (seq >> 8));
  b[7] = static_cast<unsigned char>(seq & 0xff);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);

  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 0xf];
  }
  return out;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

std::string canonical_id(std::string_view id) {
  std::string out(id);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> canonical_optional_id(const std::optional<std::string>& id) {
  if (!id) return std::nullopt;
  return canonical_id(*id);
}

}  // namespace deltalabs
