// Settings: the one description of a library Options struct that every front end reads. The
// checks here are the ones the CLI, the service and the Python module rely on: types, choices,
// ranges, and messages that name the setting.
#include "tandem/core/settings.hpp"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"

namespace tandem {
namespace {

struct Example {
    std::string name;
    int year = 2017;
    std::size_t top = 8;
    double limit = 60.0;
    std::optional<double> scale;
    bool verbose = false;
    std::vector<std::string> years;
    std::string lang = "en";
    int parsed = 0;
    std::vector<std::string> each;
};

Settings example_settings(Example& e) {
    return {
        {"name", "a positional", &e.name, {}, true},
        {"--year", "a year", &e.year, {}, false, 1900, 2100},
        {"--top", "how many", &e.top},
        {"--time-limit", "seconds", &e.limit, {}, false, 0, 86400, true},
        {"--scale", "unset unless given", &e.scale},
        {"-v,--verbose", "a flag", &e.verbose},
        {"--only", "repeatable", &e.years},
        {"--lang", "a choice", &e.lang, {"en", "zh"}},
        {"--parsed", "the library's parser", Setting::Parse([&e](const std::string& s) {
             e.parsed = static_cast<int>(s.size());
         })},
        {"--each",
         "the library's parser of many",
         Setting::ParseEach([&e](const std::vector<std::string>& v) {
             e.each.insert(e.each.end(), v.begin(), v.end());
         })},
    };
}

TEST(Settings, NamesAreTheLongNamesWithoutDashes) {
    Example e;
    const auto s = example_settings(e);
    std::vector<std::string> names;
    for (const auto& setting : s) {
        names.push_back(setting_name(setting));
    }
    EXPECT_EQ(names,
              (std::vector<std::string>{"name",
                                        "year",
                                        "top",
                                        "time-limit",
                                        "scale",
                                        "verbose",
                                        "only",
                                        "lang",
                                        "parsed",
                                        "each"}));
    ASSERT_NE(find_setting(s, "verbose"), nullptr);
    EXPECT_EQ(find_setting(s, "verbose")->names, "-v,--verbose");
    EXPECT_EQ(find_setting(s, "v"), nullptr);
}

TEST(Settings, AssignParsesEachType) {
    Example e;
    const auto s = example_settings(e);
    assign(*find_setting(s, "name"), "Anhui");
    assign(*find_setting(s, "year"), "2012");
    assign(*find_setting(s, "top"), "3");
    assign(*find_setting(s, "time-limit"), "0.5");
    assign(*find_setting(s, "verbose"), "true");
    assign(*find_setting(s, "only"), "2010");
    assign(*find_setting(s, "only"), "2015");
    assign(*find_setting(s, "lang"), "zh");
    assign(*find_setting(s, "parsed"), "abcd");
    assign(*find_setting(s, "each"), "x");
    EXPECT_EQ(e.name, "Anhui");
    EXPECT_EQ(e.year, 2012);
    EXPECT_EQ(e.top, 3U);
    EXPECT_DOUBLE_EQ(e.limit, 0.5);
    EXPECT_FALSE(e.scale.has_value());
    assign(*find_setting(s, "scale"), "1.1");
    ASSERT_TRUE(e.scale.has_value());
    EXPECT_DOUBLE_EQ(*e.scale, 1.1);
    EXPECT_TRUE(e.verbose);
    EXPECT_EQ(e.years, (std::vector<std::string>{"2010", "2015"}));
    EXPECT_EQ(e.lang, "zh");
    EXPECT_EQ(e.parsed, 4);
    EXPECT_EQ(e.each, std::vector<std::string>{"x"});
    assign(*find_setting(s, "verbose"), "0");
    EXPECT_FALSE(e.verbose);
}

TEST(Settings, BadValuesNameTheSettingAndWhatItExpected) {
    Example e;
    const auto s = example_settings(e);
    const auto why = [&](const char* name, const std::string& text) {
        return check_value(*find_setting(s, name), text);
    };
    EXPECT_EQ(why("year", "1800"), "year: expected a number from 1900 to 2100, found \"1800\"");
    EXPECT_EQ(why("year", "20x7"), "year: expected a whole number, found \"20x7\"");
    EXPECT_EQ(why("year", "2017.5"), "year: expected a whole number, found \"2017.5\"");
    EXPECT_EQ(why("top", "-1"), "top: expected a whole number, found \"-1\"");
    EXPECT_EQ(why("time-limit", "0"),
              "time-limit: expected a number above 0 and at most 86400, found \"0\"");
    EXPECT_EQ(why("time-limit", "nan"), "time-limit: expected a number, found \"nan\"");
    EXPECT_EQ(why("time-limit", "inf"), "time-limit: expected a number, found \"inf\"");
    EXPECT_EQ(why("lang", "fr"), "lang: expected en, zh, found \"fr\"");
    EXPECT_EQ(why("verbose", "yes"), "verbose: expected true or false, found \"yes\"");
    EXPECT_EQ(why("year", std::string(100, '9')),
              "year: expected a whole number, found \"" + std::string(40, '9') + "...\"");
    EXPECT_EQ(why("year", "2017"), "");
    EXPECT_EQ(why("name", "anything"), "");
    // A bad value is a usage error and leaves the target as it was.
    try {
        assign(*find_setting(s, "year"), "1800");
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::kUsage);
    }
    EXPECT_EQ(e.year, 2017);
}

TEST(Settings, JoinedSettingsKeepTheirOrder) {
    Example a;
    Example b;
    const auto joined = Settings{example_settings(a)[0]} + Settings{example_settings(b)[1]};
    ASSERT_EQ(joined.size(), 2U);
    EXPECT_EQ(setting_name(joined[0]), "name");
    EXPECT_EQ(setting_name(joined[1]), "year");
}

}  // namespace
}  // namespace tandem
