// UTF-8 validation for ingest: finds the first invalid byte so that a
// rejection can say where ("invalid UTF-8 at byte 1043").
//
// ByteSource -> [ValidateUtf8] -> ArticleReader -> Document
#ifndef PARLEY_INGEST_UTF8_H_
#define PARLEY_INGEST_UTF8_H_

#include <cstddef>
#include <string_view>

namespace parley::ingest {

inline constexpr size_t kUtf8Valid = static_cast<size_t>(-1);

// Offset of the first byte that starts an invalid sequence (overlong forms,
// surrogates, code points above U+10FFFF, truncated sequences), or
// kUtf8Valid. ASCII runs are checked 8 bytes at a time.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_UTF8_H_
