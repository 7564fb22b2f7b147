# libcsv (Debian libcsv-dev) tokenises CSV/TSV with RFC 4180 quoting.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(tandem::csv INTERFACE IMPORTED)
target_include_directories(tandem::csv SYSTEM INTERFACE ${LIBCSV_INCLUDE_DIR})
target_link_libraries(tandem::csv INTERFACE ${LIBCSV_LIBRARY})
