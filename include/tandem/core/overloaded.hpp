// A visitor made of lambdas, one per alternative of a std::variant.
#pragma once

namespace tandem {

template <typename... F>
struct Overloaded : F... {
    using F::operator()...;
};

}  // namespace tandem
