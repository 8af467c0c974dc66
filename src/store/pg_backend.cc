// PostgreSQL backend through libpqxx 6.4. Bulk inserts use COPY
// (pqxx::stream_to); other statements inline their parameters as quoted
// literals (pqxx quote()), so one code path serves any number of parameters.
#include <pqxx/pqxx>

#include <array>
#include <utility>

#include <fmt/format.h>

#include "store/backend.h"

namespace parley::store {
struct CopyField {
  bool null = true;
  std::string text;
};
}  // namespace parley::store

namespace pqxx {
// Lets a std::array<CopyField, N> be a row of pqxx::stream_to.
template <>
struct string_traits<parley::store::CopyField> {
  static constexpr const char* name() noexcept { return "CopyField"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const parley::store::CopyField& f) { return f.null; }
  static parley::store::CopyField null() { return {}; }
  static void from_string(const char s[], parley::store::CopyField& f) { f = {false, s}; }
  static std::string to_string(const parley::store::CopyField& f) { return f.text; }
};
}  // namespace pqxx

namespace parley::store {
namespace {

CopyField ToCopy(const SqlValue& v) {
  if (std::holds_alternative<int64_t>(v)) return {false, std::to_string(std::get<int64_t>(v))};
  if (std::holds_alternative<double>(v)) return {false, fmt::format("{}", std::get<double>(v))};
  if (std::holds_alternative<std::string>(v)) return {false, std::get<std::string>(v)};
  return {};
}

template <size_t N>
void StreamRows(pqxx::stream_to& out, const std::vector<SqlRow>& rows) {
  std::array<CopyField, N> a;
  for (const SqlRow& r : rows) {
    for (size_t i = 0; i < N; ++i) a[i] = ToCopy(r[i]);
    out << a;
  }
}

using StreamFn = void (*)(pqxx::stream_to&, const std::vector<SqlRow>&);
template <size_t... I>
constexpr std::array<StreamFn, sizeof...(I)> MakeStreamers(std::index_sequence<I...>) {
  return {&StreamRows<I + 1>...};
}
constexpr size_t kMaxColumns = 48;
constexpr auto kStreamers = MakeStreamers(std::make_index_sequence<kMaxColumns>());

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
    if (columns.empty() || columns.size() > kMaxColumns) {
      return InternalError(fmt::format("postgresql: {} columns not supported", columns.size()));
    }
    if (rows.empty()) return Status::Ok();
    try {
      pqxx::stream_to out(*work_, table, columns);
      kStreamers[columns.size() - 1](out, rows);
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
        out += ToCopy(v).text;
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
