add_library(tandem_warnings INTERFACE)
target_compile_options(tandem_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  # GCC 12 at -O3 reports std::string concatenation in libstdc++ as overlapping memcpy
  # (GCC bug 105329, a false positive).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${TANDEM_WERROR}>:-Werror>)
