// The bilingual catalogue: terms, sentence patterns with their parts reordered, lists, the
// merge of bilingual name levels, and amounts for people in 万元/亿元 and CNY k/M/bn.
#include "tandem/core/i18n.hpp"

#include <gtest/gtest.h>

#include "tandem/core/error.hpp"

namespace tandem::test {
namespace {

using i18n::Lang;

TEST(I18n, LanguagesByName) {
    EXPECT_EQ(i18n::parse_lang("zh"), Lang::kZh);
    EXPECT_EQ(i18n::parse_lang("zh-CN"), Lang::kZh);
    EXPECT_EQ(i18n::parse_lang("en"), Lang::kEn);
    EXPECT_THROW(i18n::parse_lang("fr"), Error);
    EXPECT_EQ(i18n::lang_code(Lang::kZh), "zh");
}

TEST(I18n, EnglishIsLeftAsItIs) {
    const i18n::Translator en(Lang::kEn);
    EXPECT_EQ(en("value added"), "value added");
    EXPECT_TRUE(en.untranslated().empty());
}

TEST(I18n, TermsPatternsAndListsInChinese) {
    i18n::Translator zh(Lang::kZh);
    zh.add_term("Heilongjiang", "黑龙江");
    zh.add_term("Anhui", "安徽");
    zh.add_term("Food and tobacco", "食品和烟草");
    EXPECT_EQ(zh("value added"), "增加值");
    EXPECT_EQ(zh("Heilongjiang -> Anhui"), "黑龙江→安徽");
    // Parts reordered: the Chinese puts the seller's sectors before the amount.
    EXPECT_EQ(zh("Anhui buys 500 (10k CNY) more of Heilongjiang's 01, 06"),
              "安徽向黑龙江增购 01, 06 部门产品 500（万元）");
    // A sector as "code name", a ratio as "倍", and a list of two sentences.
    EXPECT_EQ(zh("Heilongjiang could sell Anhui more 06 Food and tobacco (4673530); Anhui could "
                 "sell Heilongjiang more 06 Food and tobacco (7546157)"),
              "黑龙江可向安徽多销售 06 食品和烟草（4673530）；安徽可向黑龙江多销售 06 "
              "食品和烟草（7546157）");
    EXPECT_EQ(zh("Anhui, 06 Food and tobacco: its official inflows (10) exceed its output of the "
                 "sector (5), 2.00x"),
              "安徽，06 食品和烟草：官方调入（10）超过该部门产出（5），为其 2.00 倍");
    EXPECT_TRUE(zh.untranslated().empty());
    // Unknown text stays as it is, and is listed once.
    EXPECT_EQ(zh("Atlantis"), "Atlantis");
    EXPECT_EQ(zh("Atlantis"), "Atlantis");
    EXPECT_EQ(zh.untranslated(), std::vector<std::string>{"Atlantis"});
}

TEST(I18n, ChineseTablesShowEachNameOnceInChinese) {
    Table t;
    t.name = "specialisations";
    t.rows = Index({"region", "sector", "name", "name_zh"},
                   {{"Anhui", "06", "Food and tobacco", "食品和烟草"}});
    t.cols = Index::single("measure", {"RCA", "share (%)"});
    t.values = Matrix::Ones(1, 2);
    t.units = "10k CNY";
    i18n::Translator zh(Lang::kZh);
    zh.add_term("Anhui", "安徽");
    zh.table(t);
    EXPECT_EQ(t.name, "specialisations");  // the key of files and sheets
    EXPECT_EQ(t.rows.names, (std::vector<std::string>{"地区", "部门", "名称"}));
    EXPECT_EQ(t.rows.labels[0], (std::vector<std::string>{"安徽", "06", "食品和烟草"}));
    EXPECT_EQ(t.cols.labels[1][0], "比重（%）");
    EXPECT_EQ(t.units, "万元");
    // An id level before the names goes too (the cooperation areas).
    Table areas;
    areas.rows = Index({"area", "name", "name_zh"}, {{"seed-industry", "Seed industry", "种业"}});
    areas.cols = Index::single("measure", {"score (0-100)"});
    areas.values = Matrix::Ones(1, 1);
    zh.table(areas);
    EXPECT_EQ(areas.rows.names, std::vector<std::string>{"名称"});
    EXPECT_EQ(areas.rows.labels[0], std::vector<std::string>{"种业"});
}

TEST(I18n, AmountsForPeople) {
    // 10k CNY in: 1,402,938 万元 is 140.29 亿元 and CNY 14.03 bn.
    EXPECT_EQ(i18n::format_amount(1402938, Lang::kZh), "140.29 亿元");
    EXPECT_EQ(i18n::format_amount(9999, Lang::kZh), "9999 万元");
    EXPECT_EQ(i18n::format_amount(1402938, Lang::kEn), "CNY 14.03 bn");
    EXPECT_EQ(i18n::format_amount(250, Lang::kEn), "CNY 2.5 M");
    EXPECT_EQ(i18n::format_amount(3.5, Lang::kEn), "CNY 35 k");
}

}  // namespace
}  // namespace tandem::test
