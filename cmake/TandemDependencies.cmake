# Every dependency comes from Debian 12's packages; nothing is downloaded at configure time.
find_package(PkgConfig REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(fmt REQUIRED CONFIG)
find_package(nlohmann_json 3.11 REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(cpptoml REQUIRED CONFIG)
find_package(Threads REQUIRED)
find_package(spectra REQUIRED CONFIG)

set(BLA_VENDOR OpenBLAS)
find_package(BLAS REQUIRED)
find_package(LAPACK REQUIRED)
find_path(LAPACKE_INCLUDE_DIR lapacke.h REQUIRED)
find_library(LAPACKE_LIBRARY lapacke REQUIRED)
add_library(tandem::lapacke INTERFACE IMPORTED)
target_include_directories(tandem::lapacke SYSTEM INTERFACE ${LAPACKE_INCLUDE_DIR})
target_link_libraries(tandem::lapacke INTERFACE ${LAPACKE_LIBRARY} LAPACK::LAPACK BLAS::BLAS)

include(FindSuiteSparse)
include(FindLibCsv)

find_path(UTF8PROC_INCLUDE_DIR utf8proc.h REQUIRED)
find_library(UTF8PROC_LIBRARY utf8proc REQUIRED)
add_library(tandem::utf8proc INTERFACE IMPORTED)
target_include_directories(tandem::utf8proc SYSTEM INTERFACE ${UTF8PROC_INCLUDE_DIR})
target_link_libraries(tandem::utf8proc INTERFACE ${UTF8PROC_LIBRARY})

pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# The service's store and HTTP API (tandem serve): SQLite, PostgreSQL (libpqxx), libsodium for
# token hashes, cpp-httplib.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# qpdf: splitting the printed agendas into one PDF per delegate.
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
# COIN-OR CBC: the exact MILP path of the meeting scheduler.
pkg_check_modules(CBC REQUIRED IMPORTED_TARGET cbc)
# Xapian: full-text matching of offers and needs (Chinese through CJK n-grams).
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core)
