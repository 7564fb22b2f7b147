// tandem's table-set format (the national 2017 table) with one file replaced by the input:
// the first byte chooses the file, the rest is its content.
#include <array>

#include "tandem/data/china_tables.hpp"

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<const char*, 7> kFiles = {
        "manifest.json", "Z.csv", "Y.csv", "V.csv", "x.csv", "Z_imports.csv", "Y_imports.csv"};
    if (size == 0) {
        return 0;
    }
    const auto folder = tandem::fuzz::copy_template(TANDEM_FUZZ_TABLE_SET_TEMPLATE, "set");
    tandem::fuzz::write_file(folder / kFiles[data[0] % kFiles.size()],
                             {reinterpret_cast<const char*>(data + 1), size - 1});
    tandem::fuzz::expect_clean([&] { (void)tandem::data::read_table_set(folder); });
    return 0;
}
