// Streaming SHA-256 with Nettle: a small, well-kept library (uses the CPU's SHA instructions
// where present) that adds little to the start-up time of every kamerzoek command.
#include "indexer/run/content_hash.h"

#include <nettle/sha2.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace kz {
namespace {

std::string hex_digest(sha256_ctx& ctx) {
  unsigned char md[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, md);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : md) {
    out.push_back(hex[b >> 4]);
    out.push_back(hex[b & 15]);
  }
  return out;
}

}  // namespace

std::string sha256_file(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw std::runtime_error(std::string("cannot read file: ") + std::strerror(errno));
  sha256_ctx ctx;
  sha256_init(&ctx);
  std::unique_ptr<unsigned char[]> buf(new unsigned char[1 << 16]);
  std::size_t n;
  while ((n = std::fread(buf.get(), 1, 1 << 16, f.get())) > 0) sha256_update(&ctx, n, buf.get());
  if (std::ferror(f.get())) throw std::runtime_error(std::string("read error: ") + std::strerror(errno));
  return hex_digest(ctx);
}

std::string sha256_text(const std::string& bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data()));
  return hex_digest(ctx);
}

}  // namespace kz
