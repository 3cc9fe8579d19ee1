// Frame encoding for the worker pipes (native byte order: both ends are the same binary).
#include "indexer/protocol/worker_frames.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kz::frames {
namespace {

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool read_all(int fd, char* p, std::size_t n) {
  while (n > 0) {
    ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

}  // namespace

bool write_frame(int fd, std::string_view payload) {
  if (payload.size() > kMaxFrame) return false;
  std::uint32_t len = static_cast<std::uint32_t>(payload.size());
  char head[4];
  std::memcpy(head, &len, 4);
  return write_all(fd, head, 4) && write_all(fd, payload.data(), payload.size());
}

bool read_frame(int fd, std::string& payload) {
  char head[4];
  if (!read_all(fd, head, 4)) return false;
  std::uint32_t len;
  std::memcpy(&len, head, 4);
  if (len > kMaxFrame) return false;
  payload.resize(len);
  return read_all(fd, payload.data(), len);
}

Take take_frame(std::string& buffer, std::string& payload) {
  if (buffer.size() < 4) return Take::None;
  std::uint32_t len;
  std::memcpy(&len, buffer.data(), 4);
  if (len > kMaxFrame) return Take::Bad;
  if (buffer.size() < 4 + static_cast<std::size_t>(len)) return Take::None;
  payload.assign(buffer, 4, len);
  buffer.erase(0, 4 + static_cast<std::size_t>(len));
  return Take::Frame;
}

Reply decode_reply(std::string_view frame) {
  Reply r;
  if (frame.empty()) {
    r.error = "empty reply";
    return r;
  }
  std::string_view body = frame.substr(1);
  switch (frame[0]) {
    case 'D': {
      std::size_t z = body.find('\0');
      if (z == std::string_view::npos) {
        r.error = "document reply without its id";
        return r;
      }
      r.kind = Reply::Document;
      r.id = body.substr(0, z);
      r.document = body.substr(z + 1);
      return r;
    }
    case 'E':
      r.kind = Reply::Error;
      r.error = body.empty() ? "the PDF reader gave no reason" : std::string(body);
      return r;
    case 'F':
      r.kind = Reply::Fatal;
      r.error = body.empty() ? "no reason given" : std::string(body);
      return r;
    default:
      r.error = "reply of unknown kind";
      return r;
  }
}

}  // namespace kz::frames
