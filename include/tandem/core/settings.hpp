// The settings of a library Options struct, described once beside the struct for every front
// end: the CLI registers them as options (their names are the command line's), the HTTP
// service and the Python module read a value by name through assign(), and the help text is
// the same everywhere. The model is FFmpeg's AVOption tables, which live in the libraries so
// that every program built on them offers the same options.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tandem {

struct Setting {
    // A word the setting accepts, parsed by the library (an enum, a "region/sector=value").
    using Parse = std::function<void(const std::string&)>;
    using ParseEach = std::function<void(const std::vector<std::string>&)>;
    using Target = std::variant<std::string*,
                                bool*,  // a flag
                                int*,
                                std::int64_t*,
                                std::size_t*,
                                double*,
                                std::optional<double>*,     // unset unless given
                                std::vector<std::string>*,  // repeatable
                                Parse,
                                ParseEach>;

    std::string names;  // "--top", "-o,--output", or a positional name ("regions")
    std::string help;
    Target target;
    std::vector<std::string> choices = {};  // the words accepted (empty: any)
    bool required = false;
    double min = -std::numeric_limits<double>::infinity();  // numbers
    double max = std::numeric_limits<double>::infinity();
    bool above_min = false;  // min itself is refused (a time limit above 0)
};

using Settings = std::vector<Setting>;

// Appends more settings (a struct's and those of its parts).
Settings operator+(Settings a, const Settings& b);

// The setting's long name without dashes: "output" for "-o,--output", "regions" for a
// positional.
std::string setting_name(const Setting& setting);

// What is wrong with text as the setting's value ("" when nothing): not a number, not one of
// the choices, out of range. The message names the setting and what it expected.
std::string check_value(const Setting& setting, const std::string& text);

// Sets the setting from text as a query string or form carries it (a flag takes true/false/1/0,
// a repeatable setting takes one value more); a bad value is Error(kUsage) from check_value.
void assign(const Setting& setting, const std::string& text);

// The setting called name (long name without dashes), or nullptr.
const Setting* find_setting(const Settings& settings, std::string_view name);

}  // namespace tandem
