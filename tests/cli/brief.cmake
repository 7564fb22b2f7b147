# Known-answer and bad-input cases of the brief commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).

# --scenario files are checked before cpptoml sees them: a UTF-8 BOM is dropped, deep nesting of
# arrays or inline tables and files over 1 MiB are refused (exit 3, docs/brief.md).
cli_case(brief_scenario_bom 0 "Win-win scenario: Agri-food cooperation: Anhui buys 500,000" "mkdir -p ${W} && printf '\\357\\273\\277' > ${W}/bom.toml && cat ${PROJECT_SOURCE_DIR}/tests/data/brief/agri_food.toml >> ${W}/bom.toml && ${T} brief Heilongjiang Anhui --scenario ${W}/bom.toml")
cli_case(brief_scenario_deep_array 3 "deep_array.toml:2:37: nesting deeper than 32" "mkdir -p ${W} && python3 -c \"print('name = 1'); print('x = ' + '[' * 100000 + ']' * 100000)\" > ${W}/deep_array.toml && ${T} brief CN-HL CN-AH --scenario ${W}/deep_array.toml")
cli_case(brief_scenario_deep_table 3 "deep_table.toml:1:165: nesting deeper than 32" "mkdir -p ${W} && python3 -c \"print('y = ' + '{a = ' * 50000 + '1' + '}' * 50000)\" > ${W}/deep_table.toml && ${T} brief CN-HL CN-AH --scenario ${W}/deep_table.toml")
cli_case(brief_scenario_nesting_in_string 3 "change 1: unknown key 'note'" "mkdir -p ${W} && python3 -c \"q = chr(34); print('[[change]]'); print('note = ' + q + '[' * 100 + q + ' # ' + '{' * 100)\" > ${W}/deep_string.toml && ${T} brief CN-HL CN-AH --scenario ${W}/deep_string.toml")
cli_case(brief_scenario_too_big 3 "big.toml: 2000001 bytes; a scenario file may have at most 1048576" "mkdir -p ${W} && python3 -c \"import sys; sys.stdout.write('#' * 2000000 + chr(10))\" > ${W}/big.toml && ${T} brief CN-HL CN-AH --scenario ${W}/big.toml")

# Data cautions: in the terminal, the JSON (field cautions) and the HTML report.
cli_case(brief_cautions_terminal 0 "Data cautions.*[[:space:]]+- Hainan, 06 Food and tobacco: 19,318,773 of its official outflows of 21,867,155 .88%. are transit" "${T} brief Hainan Anhui | tr '\\n' ' '")
cli_case(brief_cautions_json 0 "^Heilongjiang, 33 Real estate: its MRIO outflows to other regions .33,013,747. are 10\\.17x the official figure .3,247,326." "${T} brief Heilongjiang Anhui -f json | python3 -c \"import json, sys; j = json.load(sys.stdin); print(len(j['tables'])); [print(c) for c in j['cautions']]\"")
cli_case(brief_cautions_html 0 "<ul id=cautions><li>Hainan, 27 Construction: 7,965,349 of its official outflows" "${T} brief Hainan Anhui -o ${W}/brief_hainan.html -q && grep -o '<h2>Data cautions.\\{0,220\\}' ${W}/brief_hainan.html")

# Outputs never replace an input: the report onto its own scenario file is refused (exit 4) and
# the scenario is untouched.
cli_case(brief_output_onto_scenario_refused 0 "^rc=4 kept$"
  "mkdir -p ${W} && cp ${PROJECT_SOURCE_DIR}/tests/data/brief/agri_food.toml ${W}/own.toml && ${T} brief Heilongjiang Anhui --scenario ${W}/own.toml -o ${W}/own.toml -q; rc=$?; cmp -s ${W}/own.toml ${PROJECT_SOURCE_DIR}/tests/data/brief/agri_food.toml && echo rc=$rc kept")

# The Chinese edition (--lang zh, chosen by itself when both regions are named in Chinese):
# titles, labels and sentences in Chinese, amounts in 万元, the same figures as in English.
cli_case(brief_zh_terminal 0 "黑龙江与安徽，2017 年：两地经济概况 指标 +黑龙江 +安徽 -+ 增加值（亿元） +15,903 +29,277 .* 2012 年增加值（亿元） +13,733 +17,214"
  "${T} brief 黑龙江 安徽 | tr '\\n' ' '")
cli_case(brief_zh_reason 0 "  - 现代农业：黑龙江可向安徽多销售 01 农林牧渔产品和服务（5,904,535）$" "${T} brief Heilongjiang Anhui --lang zh")
cli_case(brief_zh_caution 0 "  - 黑龙江，33 房地产：MRIO 中流向其他地区的量（33,013,747）为官方数据（3,247,326）的 10.17 倍" "${T} brief 黑 皖")
cli_case(brief_zh_scenario 0 "共赢情景：默认情景：安徽向黑龙江增购 01, 06, 38 部门产品 1,402,938（万元）" "${T} brief 黑龙江省 安徽省")
cli_case(brief_en_with_chinese_names 0 "Heilongjiang .黑龙江. and Anhui .安徽., 2017: the two economies indicator +Heilongjiang +Anhui -+ value added .CNY bn. +1,590 +2,928 " "${T} brief 黑龙江 安徽 --lang en | tr '\\n' ' '")
cli_case(brief_lang_unknown 2 "--lang: expected en, zh, found .fr." "${T} brief 黑龙江 安徽 --lang fr")
cli_case(brief_zh_partners 0 "^陕西,.向其销售 06 食品和烟草（12,587,798）；从其购买 02 煤炭采选产品（5,698,113）.,1," "${T} brief 皖 --partners -f csv -q")
# Every display text of the JSON in Chinese for pairs across the country and for 2012 (keys
# and table names stay English: scripts read them).
foreach(pair "黑龙江 安徽" "海南 安徽" "北京 西藏" "上海 江苏" "新疆 广东")
  string(REPLACE " " "_" id "${pair}")
  cli_case(brief_zh_json_${id} 0 "^all Chinese$" "${T} brief ${pair} -f json -q -o ${W}/zh_${id}.json && python3 ${CMAKE_CURRENT_SOURCE_DIR}/check_zh.py ${W}/zh_${id}.json")
endforeach()
cli_case(brief_zh_json_2012 0 "^all Chinese$" "${T} brief 黑龙江 安徽 --year 2012 -f json -q -o ${W}/zh_2012.json && python3 ${CMAKE_CURRENT_SOURCE_DIR}/check_zh.py ${W}/zh_2012.json")
# Chinese typos suggest the nearest Chinese names, by character and by sound.
cli_case(brief_zh_typo 3 "unknown region '安微'; did you mean 安徽, " "${T} brief 安微 黑龙江")
cli_case(brief_zh_homophone 3 "unknown region '安辉'; did you mean 安徽, " "${T} brief 安辉 黑龙江")

# The Chinese HTML renders with real glyphs in Debian's Chromium, and the same probe sees boxes
# once the CJK fonts are hidden (so it can fail).
cli_case(brief_zh_html_glyphs 0 "^glyphs$" "${T} brief 黑龙江 安徽 -o ${W}/brief_zh.html -q && ${CMAKE_CURRENT_SOURCE_DIR}/cjk_glyphs.sh ${W}/brief_zh.html")
cli_case(brief_zh_html_boxes_without_fonts 0 "^boxes$" "${T} brief 黑龙江 安徽 -o ${W}/brief_zh2.html -q && ${CMAKE_CURRENT_SOURCE_DIR}/cjk_glyphs.sh ${W}/brief_zh2.html --without-cjk-fonts")
cli_case(brief_zh_html_font_stack 0 "font-family:.Noto Sans CJK SC.,.Source Han Sans SC.,.Microsoft YaHei.,.PingFang SC." "${T} brief 黑龙江 安徽 --html ${W}/brief_zh3.html -q && grep -o 'font-family:[^;]*' ${W}/brief_zh3.html | head -1")
cli_case(brief_html_glossary 0 "<h2 id=glossary>术语解释</h2><dl><dt>显示性比较优势（RCA）</dt>" "${T} brief 黑龙江 安徽 -o ${W}/brief_zh4.html -q && grep -o '<h2 id=glossary>.\\{0,60\\}' ${W}/brief_zh4.html")

# Print-ready PDF: A4, fonts embedded, the Chinese title, a known figure (Heilongjiang's 2017
# value added, 159,026,793 万元 = 15,903 亿元) and the page numbers.
cli_case(brief_zh_pdf 0 "^A4 embedded 黑龙江与安徽：优势互补、合作共赢（2017 年） 15,903 1 ?/ ?[0-9]+$"
  "${T} brief 黑龙江 安徽 --lang zh -o ${W}/brief.pdf -q && pdfinfo ${W}/brief.pdf | grep -q 'A4' && echo -n 'A4 ' && (pdffonts ${W}/brief.pdf | tail -n +3 | awk '{print $(NF-4)}' | sort -u | tr -d '\\n' | sed 's/^yes$/embedded /') && pdftotext ${W}/brief.pdf - | grep -o -m1 '黑龙江与安徽：优势互补、合作共赢（2017 年）' | tr '\\n' ' ' && pdftotext ${W}/brief.pdf - | grep -o -m1 '15,903' | tr '\\n' ' ' && pdftotext ${W}/brief.pdf - | grep -o -m1 '1 \\?/ \\?[0-9]*'")
cli_case(brief_en_pdf 0 "Heilongjiang and Anhui: complementarity and win-win, 2017" "${T} brief Heilongjiang Anhui -o ${W}/brief_en.pdf -q && pdftotext ${W}/brief_en.pdf -")
cli_case(brief_pdf_without_chromium 4 "PDF output needs Chromium" "TANDEM_CHROMIUM=/nonexistent PATH=/nonexistent ${T} brief 黑龙江 安徽 -o ${W}/no.pdf")
