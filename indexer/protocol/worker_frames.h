// The byte protocol between the indexer and its extraction workers: length-prefixed frames
// over pipes on the worker's descriptors 3 (requests) and 4 (replies), so nothing a library
// prints on stdout can reach the stream. Requests carry "sha256\npath"; replies start with
// 'D' (id NUL document), 'E' (this file failed) or 'F' (the worker cannot work at all).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kz::frames {

// The worker's ends of the two pipes.
inline constexpr int kRequestFd = 3;
inline constexpr int kReplyFd = 4;

// No reply is larger: a document of thousands of pages serialises to tens of MB.
inline constexpr std::uint32_t kMaxFrame = 1u << 30;

// Blocking write of one frame; false when the pipe is closed or the frame is over the limit.
bool write_frame(int fd, std::string_view payload);

// Blocking read of one frame; false on end of file, error or a length over the limit.
bool read_frame(int fd, std::string& payload);

// Non-blocking side: pulls one complete frame out of `buffer` if there is one. A length over
// kMaxFrame is Bad (the stream can no longer be trusted), never a wait for a gigabyte.
enum class Take { None, Frame, Bad };
Take take_frame(std::string& buffer, std::string& payload);

// A worker's reply, checked: Malformed when it is empty, of an unknown kind, or a 'D' without
// the NUL between id and document.
struct Reply {
  enum Kind { Document, Error, Fatal, Malformed } kind = Malformed;
  std::string id, document, error;
};
Reply decode_reply(std::string_view frame);

}  // namespace kz::frames
