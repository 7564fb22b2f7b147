// Progress of long work. The library reports; front ends decide whether and how to show it.
#pragma once

#include <functional>
#include <string_view>

namespace tandem {

// stage: what is being done; done/total: steps so far (total 0 = unknown).
using ProgressFn = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

inline void report(const ProgressFn& progress,
                   std::string_view stage,
                   std::size_t done,
                   std::size_t total) {
    if (progress) {
        progress(stage, done, total);
    }
}

}  // namespace tandem
