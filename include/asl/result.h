// asl::Result<T>: a value or a Diagnostic, the error-as-value type every library returns.
#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "asl/diagnostic.h"

namespace asl {

/// Wraps an error so that `Result<T>` can be built from it unambiguously.
template <class E> struct Unexpected {
  E error;
};

/// Makes an `Unexpected` from a diagnostic (or any error type).
template <class E> Unexpected<std::decay_t<E>> fail(E&& e) {
  return Unexpected<std::decay_t<E>>{std::forward<E>(e)};
}

/// Shaped like `std::expected<T, E>` (C++23), which this project cannot assume yet.
template <class T, class E = Diagnostic> class [[nodiscard]] Result {
public:
  using value_type = T;
  using error_type = E;

  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  template <class G> Result(Unexpected<G> error) : state_(std::in_place_index<1>, std::move(error.error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  E& error() & { assert(!ok()); return std::get<1>(state_); }
  const E& error() const& { assert(!ok()); return std::get<1>(state_); }
  E&& error() && { assert(!ok()); return std::get<1>(std::move(state_)); }

private:
  std::variant<T, E> state_;
};

/// A result that carries no value: success, or an error.
template <class E> class [[nodiscard]] Result<void, E> {
public:
  Result() = default;
  template <class G> Result(Unexpected<G> error) : error_(std::move(error.error)), failed_(true) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const E& error() const& { assert(failed_); return error_; }
  E&& error() && { assert(failed_); return std::move(error_); }

private:
  E error_{};
  bool failed_ = false;
};

} // namespace asl
