// The byte protocol between the indexer and its extraction workers: length-prefixed frames
// over pipes. Requests carry "sha256\npath"; replies start with 'D' (document) or 'E' (error).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kz::frames {

// Blocking write of one frame; false when the pipe is closed.
bool write_frame(int fd, std::string_view payload);

// Blocking read of one frame; false on end of file or error.
bool read_frame(int fd, std::string& payload);

// Non-blocking side: pulls one complete frame out of `buffer` if there is one.
bool take_frame(std::string& buffer, std::string& payload);

inline constexpr std::uint32_t kMaxFrame = 1u << 30;

}  // namespace kz::frames
