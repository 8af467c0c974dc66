// PostgreSQL backend through libpqxx 6.4. Bulk inserts use COPY
// (pqxx::stream_to) with the rows encoded here in COPY text format, many rows
// per write; other statements inline their parameters as quoted literals
// (pqxx esc()), so one code path serves any number of parameters.
#include <pqxx/pqxx>

#include <charconv>
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "store/backend.h"

namespace parley::store {
// Rows already in COPY text format: tab-separated fields, `\N` for NULL,
// rows separated by newlines, without the newline after the last row.
struct CopyLines {
  std::string text;
};
}  // namespace parley::store

namespace pqxx {
// Writes CopyLines as they are (stream_to appends the final newline).
template <>
stream_to& stream_to::operator<< <parley::store::CopyLines>(const parley::store::CopyLines& rows) {
  write_raw_line(rows.text);
  return *this;
}
}  // namespace pqxx

namespace parley::store {
namespace {

// Text of a non-text value, as in Inline() and earlier pqxx conversions.
void AppendNumber(const SqlValue& v, std::string* out) {
  if (std::holds_alternative<int64_t>(v)) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, std::get<int64_t>(v));
    out->append(buf, r.ptr);
  } else {
    fmt::format_to(std::back_inserter(*out), "{}", std::get<double>(v));
  }
}

// One field in COPY text format: backslash, newline, carriage return and
// tab are escaped; everything else is copied.
void AppendCopyField(const SqlValue& v, std::string* out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out->append("\\N");
    return;
  }
  if (!std::holds_alternative<std::string>(v)) {
    AppendNumber(v, out);
    return;
  }
  const std::string& t = std::get<std::string>(v);
  size_t done = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c != '\\' && c != '\n' && c != '\r' && c != '\t') continue;
    out->append(t, done, i - done);
    out->push_back('\\');
    out->push_back(c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : '\\');
    done = i + 1;
  }
  out->append(t, done, std::string::npos);
}

constexpr size_t kCopyChunk = 1 << 20;  // bytes of rows per write

void StreamRows(pqxx::stream_to& out, const std::vector<SqlRow>& rows) {
  CopyLines chunk;
  chunk.text.reserve(kCopyChunk + (kCopyChunk >> 2));
  for (const SqlRow& r : rows) {
    if (!chunk.text.empty()) chunk.text.push_back('\n');
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) chunk.text.push_back('\t');
      AppendCopyField(r[i], &chunk.text);
    }
    if (chunk.text.size() >= kCopyChunk) {
      out << chunk;
      chunk.text.clear();
    }
  }
  if (!chunk.text.empty()) out << chunk;
}

SqlValue FieldValue(const pqxx::field& f) {
  if (f.is_null()) return std::monostate{};
  switch (f.type()) {
    case 20: case 21: case 23: return static_cast<int64_t>(f.as<long long>());
    case 700: case 701: case 1700: return f.as<double>();
    default: return std::string(f.c_str(), f.size());
  }
}

class PgBackend final : public Backend {
 public:
  explicit PgBackend(std::unique_ptr<pqxx::connection> c) : conn_(std::move(c)) {}
  ~PgBackend() override { work_.reset(); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Exec(std::string_view sql) override { return Run(sql, {}, nullptr); }

  Status Run(std::string_view sql, const std::vector<SqlValue>& params,
             const std::function<Status(const SqlRow&)>& row) override {
    try {
      std::string q = Inline(sql, params);
      pqxx::result res;
      if (work_) {
        res = work_->exec(q);
      } else {
        pqxx::nontransaction n(*conn_);
        res = n.exec(q);
      }
      if (!row) return Status::Ok();
      SqlRow r(res.columns());
      for (const auto& tuple : res) {
        for (size_t i = 0; i < r.size(); ++i) r[i] = FieldValue(tuple[static_cast<int>(i)]);
        PARLEY_RETURN_IF_ERROR(row(r));
      }
      return Status::Ok();
    } catch (const std::exception& e) {
      return UnavailableError(fmt::format("postgresql: {} (in: {:.120})", e.what(), sql));
    }
  }

  Status Begin() override {
    try {
      work_ = std::make_unique<pqxx::work>(*conn_);
      return Status::Ok();
    } catch (const std::exception& e) {
      return UnavailableError(fmt::format("postgresql: BEGIN: {}", e.what()));
    }
  }
  Status Commit() override {
    try {
      if (work_) work_->commit();
      work_.reset();
      return Status::Ok();
    } catch (const std::exception& e) {
      work_.reset();
      return UnavailableError(fmt::format("postgresql: COMMIT: {}", e.what()));
    }
  }
  Status Rollback() override {
    work_.reset();  // pqxx aborts an uncommitted transaction on destruction
    return Status::Ok();
  }

  Status Insert(const std::string& table, const std::vector<std::string>& columns,
                const std::vector<SqlRow>& rows) override {
    if (!work_) return InternalError("postgresql: Insert outside a transaction");
    if (columns.empty()) return InternalError("postgresql: Insert without columns");
    if (rows.empty()) return Status::Ok();
    try {
      pqxx::stream_to out(*work_, table, columns);
      StreamRows(out, rows);
      out.complete();
      return Status::Ok();
    } catch (const std::exception& e) {
      return UnavailableError(fmt::format("postgresql: COPY {}: {}", table, e.what()));
    }
  }

  int UserVersion() override { return 0; }
  Status SetUserVersion(int) override { return Status::Ok(); }

 private:
  // Replaces each `?` with the quoted literal of the next parameter.
  std::string Inline(std::string_view sql, const std::vector<SqlValue>& params) {
    std::string out;
    size_t k = 0;
    for (char c : sql) {
      if (c != '?' || k >= params.size()) {
        out += c;
        continue;
      }
      const SqlValue& v = params[k++];
      if (std::holds_alternative<std::string>(v)) {
        std::string escaped = conn_->esc(std::get<std::string>(v));
        out.push_back('\'');
        out.append(escaped.data(), escaped.size());
        out.push_back('\'');
      } else if (std::holds_alternative<std::monostate>(v)) {
        out += "NULL";
      } else {
        AppendNumber(v, &out);
      }
    }
    return out;
  }

  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<pqxx::work> work_;
};

}  // namespace

StatusOr<std::unique_ptr<Backend>> OpenPostgres(const std::string& url) {
  try {
    auto c = std::make_unique<pqxx::connection>(url);
    return std::unique_ptr<Backend>(std::make_unique<PgBackend>(std::move(c)));
  } catch (const std::exception& e) {
    return UnavailableError(fmt::format("cannot connect to PostgreSQL '{}': {}", url, e.what()));
  }
}

}  // namespace parley::store
