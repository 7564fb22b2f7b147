add_library(tandem_sanitizers INTERFACE)
if(TANDEM_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(tandem_sanitizers INTERFACE ${_san})
  target_link_options(tandem_sanitizers INTERFACE ${_san})
endif()

# Fuzzing (clang only): every library instrumented for libFuzzer's coverage; the fuzz targets
# link libFuzzer itself (tests/fuzz/CMakeLists.txt). Use with TANDEM_SANITIZE=ON.
if(TANDEM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TANDEM_FUZZ needs clang (CXX=clang++-14); see tests/fuzz/README.md")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
