// The delimited reader (libcsv) and number parsing: any bytes, comma and tab separated.
#include "tandem/data/delimited.hpp"

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = tandem::fuzz::work_folder() / "input.csv";
    tandem::fuzz::write_file(file, {reinterpret_cast<const char*>(data), size});
    for (const char delimiter : {',', '\t'}) {
        tandem::fuzz::expect_clean([&] {
            tandem::data::read_delimited(
                file, delimiter, [&](std::size_t line, const std::vector<std::string>& fields) {
                    for (std::size_t c = 0; c < fields.size(); ++c) {
                        tandem::fuzz::expect_clean([&] {
                            (void)tandem::data::parse_number(
                                fields[c], file.string(), line, c + 1, "value");
                        });
                    }
                });
        });
    }
    return 0;
}
