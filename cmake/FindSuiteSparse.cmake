# Debian 12's SuiteSparse 5.12 ships no CMake config: find UMFPACK by hand.
find_path(SUITESPARSE_INCLUDE_DIR umfpack.h PATH_SUFFIXES suitesparse REQUIRED)
find_library(UMFPACK_LIBRARY umfpack REQUIRED)
find_library(AMD_LIBRARY amd REQUIRED)
find_library(SUITESPARSECONFIG_LIBRARY suitesparseconfig REQUIRED)
add_library(tandem::umfpack INTERFACE IMPORTED)
target_include_directories(tandem::umfpack SYSTEM INTERFACE ${SUITESPARSE_INCLUDE_DIR})
target_link_libraries(tandem::umfpack INTERFACE ${UMFPACK_LIBRARY} ${AMD_LIBRARY}
                      ${SUITESPARSECONFIG_LIBRARY})
