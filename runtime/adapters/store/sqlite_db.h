// A thin owner of one SQLite connection and its prepared statements, with errors as values.
// What the embedded queue (and the task tokens it shares a file with) are written on.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "asl/result.h"

namespace asl::adapters::store {

/// SQLite's message for a failed call, with what was being done.
struct DbError {
  std::string message;
};

/// One prepared statement; parameters are bound from 1, columns read from 0.
class Statement {
public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool prepared() const { return statement_ != nullptr; }
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bindBlob(int index, std::string_view bytes);
  Statement& bindNull(int index);
  /// SQLITE_ROW, SQLITE_DONE or an error code.
  int step();
  void reset();

  int64_t integer(int column) const;
  std::string text(int column) const;
  bool isNull(int column) const;

private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

class Database {
public:
  /// Opens or creates `path` in WAL mode with fsync'd commits (synchronous=FULL), waiting up to
  /// `busyMillis` for another process's write lock.
  static Result<Database, DbError> open(const std::string& path, int busyMillis);
  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database& operator=(Database&&) = delete;
  ~Database();

  sqlite3* handle() const { return db_; }
  /// Runs statements without results ("BEGIN IMMEDIATE", schema).
  Result<void, DbError> exec(std::string_view sql);
  std::string lastError() const { return sqlite3_errmsg(db_); }
  int64_t changes() const { return sqlite3_changes64(db_); }

private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

} // namespace asl::adapters::store
