// The bilingual catalogue of what tandem's reports show: terms first (exact English text),
// then sentence patterns, specific before general ("{}" in English stands for a part,
// "{0}" ... in Chinese for the same part translated). Region and sector names come from the
// data (data::add_china_terms, the tables' Chinese names). Index names follow the Chinese
// literature: 显示性比较优势 (RCA), 经济复杂度 (ECI), 影响力系数 / 感应度系数 (Rasmussen).
#include "tandem/core/i18n.hpp"

namespace tandem::i18n {

const std::vector<Pattern>& catalogue() {
    static const std::vector<Pattern> all = {
        // Units and levels.
        {"10k CNY", "万元"},
        {"10,000 yuan", "万元"},
        {"10k persons", "万人"},
        {"index", "指数"},
        {"indicator", "指标"},
        {"region", "地区"},
        {"regions", "地区"},
        {"province", "省份"},
        {"partner", "合作伙伴"},
        {"sector", "部门"},
        {"name", "名称"},
        {"area", "合作领域"},
        {"kind", "类别"},
        {"measure", "指标"},
        {"direction", "方向"},
        {"why", "理由"},
        {"rank", "排名"},
        {"from", "来源地"},
        {"to", "目的地"},
        {"longitude", "经度"},
        {"latitude", "纬度"},
        {"Total", "合计"},
        {"total", "合计"},
        {"Rest of China", "全国其他地区"},
        {"Other regions", "其他地区"},
        {"China", "全国"},
        {"the other regions", "其他地区"},
        {"default", "默认情景"},
        {"given", "给定情景"},
        {"far above", "远高于"},
        // Indicators of a region's economy.
        {"value added", "增加值"},
        {"activity", "经济活动"},
        {"employment", "就业"},
        {"jobs", "就业"},
        {"output", "总产出"},
        {"share of all regions (%)", "占全部地区比重（%）"},
        {"diversity (sectors with RCA >= 1)", "多样性（RCA≥1的部门数）"},
        {"ECI", "经济复杂度指数 ECI"},
        {"ECI rank", "ECI 排名"},
        {"COI", "复杂度前景指数 COI"},
        {"fitness", "经济适应度"},
        {"Herfindahl", "赫芬达尔指数"},
        {"entropy (bits)", "熵（比特）"},
        {"Krugman specialisation", "克鲁格曼专业化指数"},
        {"Hachman", "哈克曼指数"},
        {"relatedness density, own sectors", "关联密度（本地优势部门）"},
        {"relatedness density, other sectors", "关联密度（其他部门）"},
        {"relatedness density", "关联密度"},
        {"shift-share: national growth", "偏离-份额：全国增长分量"},
        {"shift-share: industry mix", "偏离-份额：产业结构分量"},
        {"shift-share: competitiveness", "偏离-份额：竞争力分量"},
        {"national growth", "全国增长分量"},
        {"industry mix", "产业结构分量"},
        {"competitiveness", "竞争力分量"},
        {"change", "变化"},
        {"RCA", "RCA"},
        {"share (%)", "比重（%）"},
        {"growth (%)", "增长（%）"},
        {"power of dispersion", "影响力系数"},
        {"sensitivity of dispersion", "感应度系数"},
        {"value added share %", "增加值比重（%）"},
        {"density", "密度"},
        {"COG", "机会收益 COG"},
        {"PCI", "产品复杂度 PCI"},
        {"RCA of the strong", "优势方 RCA"},
        {"RCA of the close", "接近方 RCA"},
        // Complementarity.
        {"supply chains", "供应链"},
        {"specialisation", "专业化"},
        {"relatedness", "关联性"},
        {"structure", "产业结构"},
        {"current flows, share of the region's MRIO flows to other regions (%)",
         "现有流量占本地区流向其他地区总量的比重（%）"},
        {"Michaely complementarity of outflows with the partner's inflows",
         "本地区调出与对方调入的米凯利互补指数"},
        {"sectors the partner has and this region is close to", "对方具优势、本地区接近的部门数"},
        {"correlation of sector shares (value added)", "部门结构相关系数（增加值）"},
        {"score (0-100)", "得分（0-100）"},
        {"potential both ways (% of GDP)", "双向潜在销售（占 GDP 的 %）"},
        {"current flows both ways (% of GDP)", "双向现有流量（占 GDP 的 %）"},
        // The scenario's effects.
        {"output: intra-regional", "总产出：区域内效应"},
        {"output: feedback", "总产出：反馈效应"},
        {"output: spillover", "总产出：溢出效应"},
        {"labour income", "劳动者报酬"},
        {"neither is a net supplier of what the other buys from outside",
         "双方均不是对方外购产品的净供给方"},
        {"no earlier year: growth and shift-share left out",
         "无更早年份的数据：未计算增长与偏离-份额"},
        {"cooperation areas: 2017 sector codes mapped to the 2012 list through the 2012-2017 "
         "concordance (docs/brief.md)",
         "合作领域：2017 年部门代码经 2012—2017 年部门对照表映射到 2012 年部门（见 "
         "docs/brief.md）"},
        {"cooperation areas left out: their concordance is to China's 42 IO sectors; give a "
         "concordance of areas to this MRIO's sectors",
         "未列合作领域：其对照表针对中国 42 部门投入产出表；请提供合作领域与本 MRIO 部门的对照表"},

        // Profiles.
        {"value", "数值"},
        {"share of China %", "占全国比重 %"},
        {"% of region", "占本地区 %"},
        {"location quotient", "区位商"},
        {"output I", "产出乘数 I"},
        {"output II", "产出乘数 II"},
        {"value added I", "增加值乘数 I"},
        {"income I", "收入乘数 I"},
        {"income II", "收入乘数 II"},
        {"import share %", "进口比重 %"},
        {"Gross output", "总产出"},
        {"Value added (GDP)", "增加值"},

        // Patterns, specific before general.
        {"China IO {} sectors ({})", "中国投入产出表 {0} 部门（{1} 年）"},
        {"data caution: {} sector(s) ({}) draw more from outside (imports and inflows) than the "
         "region uses of them (re-exports, transit or inconsistent source data): their import "
         "share is capped at 100% and they buy nothing locally in the model",
         "数据提示：{0} "
         "个部门（{1}"
         "）从外部（进口与省外调入）获得的多于本地区的使用量（转口、过境或源数据不一致）："
         "模型中其进口比重以 100% 为上限，且不在本地购买"},

        {"{}, {}: {} of its official outflows of {} ({}%) are transit (outflows and exports "
         "above its output of {}); netted out of its inflows and outflows, as the MRIO build does",
         "{0}，{1}：官方调出 {3} 中有 {2}（{4}%）为过境（调出与出口之和超过其产出 {5}）；"
         "已从其调入和调出中扣除，与 MRIO 编制一致"},
        {"{}, {}: its MRIO outflows to other regions ({}) are {} the official figure ({}): "
         "margins or services booked as flows?",
         "{0}，{1}：MRIO 中流向其他地区的量（{2}）为官方数据（{4}）的 "
         "{3}：是否把流通费用或服务计为了流量？"},
        {"{}, {}: its official inflows ({}) exceed its output of the sector ({}), {}",
         "{0}，{1}：官方调入（{2}）超过该部门产出（{3}），为其 {4}"},
        {"{}, {}: its official inflows ({}) exceed its output of the sector ({})",
         "{0}，{1}：官方调入（{2}）超过该部门产出（{3}）"},
        {"{} -> {}, {}: the potential ({}) is {}% of {}'s value added ({}), above {}%",
         "{0}→{1}，{2}：潜在销售（{3}）占{5}增加值（{6}）的 {4}%，超过 {7}%"},
        {"{}: {} negative value-added cell(s) set to 0", "{0} 年：{1} 个为负的增加值单元格置为 0"},
        {"{} could sell {} more {} ({})", "{0}可向{1}多销售 {2}（{3}）"},
        {"{} buys {} ({}) more of {}'s {}", "{0}向{3}增购 {4} 部门产品 {1}（{2}）"},
        {"sells it {} ({}); buys {} ({})", "向其销售 {0}（{1}）；从其购买 {2}（{3}）"},
        {"{} strong, {} close", "{0}具优势，{1}接近"},
        {"potential {} -> {}", "潜在销售 {0}→{1}"},
        {"potential sales to the partner ({})", "可向对方增加的销售（{0}）"},
        {"Michaely {} -> partner", "米凯利指数 {0}→伙伴"},
        {"Michaely partner -> {}", "米凯利指数 伙伴→{0}"},
        {"{} net supply to {}", "{0}对{1}净供给"},
        {"{} buys from outside", "{0}外购"},
        {"{} -> {}", "{0}→{1}"},
        {"rank by {}", "{0}排名"},
        {"growth {}-{} (%)", "{0}—{1} 年增长（%）"},
        {"value added {}", "{0} 年增加值"},
        {"employment ({})", "就业（{0}）"},
        {"{}: {}", "{0}：{1}"},
    };
    return all;
}

}  // namespace tandem::i18n
