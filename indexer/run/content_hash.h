// SHA-256 of a file's bytes (Nettle): the identity of a document's content, so renamed and
// touched-but-unchanged files need no extraction.
#pragma once
#include <string>

namespace kz {

// Lower-case hex digest. Throws std::runtime_error naming the cause when the file cannot be read.
std::string sha256_file(const std::string& path);

// Lower-case hex digest of `bytes` (keys for values too long to be Xapian keys themselves).
std::string sha256_text(const std::string& bytes);

}  // namespace kz
