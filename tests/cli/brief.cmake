# Known-answer and bad-input cases of the brief commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).

# --scenario files are checked before cpptoml sees them: a UTF-8 BOM is dropped, deep nesting of
# arrays or inline tables and files over 1 MiB are refused (exit 3, docs/brief.md).
cli_case(brief_scenario_bom 0 "Win-win scenario: Agri-food cooperation: Anhui buys 500000" "mkdir -p ${W} && printf '\\357\\273\\277' > ${W}/bom.toml && cat ${PROJECT_SOURCE_DIR}/tests/data/brief/agri_food.toml >> ${W}/bom.toml && ${T} brief Heilongjiang Anhui --scenario ${W}/bom.toml")
cli_case(brief_scenario_deep_array 3 "deep_array.toml:2:37: nesting deeper than 32" "mkdir -p ${W} && python3 -c \"print('name = 1'); print('x = ' + '[' * 100000 + ']' * 100000)\" > ${W}/deep_array.toml && ${T} brief CN-HL CN-AH --scenario ${W}/deep_array.toml")
cli_case(brief_scenario_deep_table 3 "deep_table.toml:1:165: nesting deeper than 32" "mkdir -p ${W} && python3 -c \"print('y = ' + '{a = ' * 50000 + '1' + '}' * 50000)\" > ${W}/deep_table.toml && ${T} brief CN-HL CN-AH --scenario ${W}/deep_table.toml")
cli_case(brief_scenario_nesting_in_string 3 "change 1: unknown key 'note'" "mkdir -p ${W} && python3 -c \"q = chr(34); print('[[change]]'); print('note = ' + q + '[' * 100 + q + ' # ' + '{' * 100)\" > ${W}/deep_string.toml && ${T} brief CN-HL CN-AH --scenario ${W}/deep_string.toml")
cli_case(brief_scenario_too_big 3 "big.toml: 2000001 bytes; a scenario file may have at most 1048576" "mkdir -p ${W} && python3 -c \"import sys; sys.stdout.write('#' * 2000000 + chr(10))\" > ${W}/big.toml && ${T} brief CN-HL CN-AH --scenario ${W}/big.toml")

# Data cautions: in the terminal, the JSON (field cautions) and the HTML report.
cli_case(brief_cautions_terminal 0 "Data cautions.*[[:space:]]+- Hainan, 06 Food and tobacco: 19318773 of its official outflows of 21867155 .88%. are transit" "${T} brief Hainan Anhui | tr '\\n' ' '")
cli_case(brief_cautions_json 0 "^Heilongjiang, 33 Real estate: its MRIO outflows to other regions .33013747. are 10\\.17x the official figure .3247326." "${T} brief Heilongjiang Anhui -f json | python3 -c \"import json, sys; j = json.load(sys.stdin); print(len(j['tables'])); [print(c) for c in j['cautions']]\"")
cli_case(brief_cautions_html 0 "<h2>Data cautions 数据提示</h2><ul id=cautions><li>Hainan, 27 Construction: 7965349 of its official outflows" "${T} brief Hainan Anhui -o ${W}/brief_hainan.html -q && grep -o '<h2>Data cautions.\\{0,120\\}' ${W}/brief_hainan.html")

# Outputs never replace an input: the report onto its own scenario file is refused (exit 4) and
# the scenario is untouched.
cli_case(brief_output_onto_scenario_refused 0 "^rc=4 kept$"
  "mkdir -p ${W} && cp ${PROJECT_SOURCE_DIR}/tests/data/brief/agri_food.toml ${W}/own.toml && ${T} brief Heilongjiang Anhui --scenario ${W}/own.toml -o ${W}/own.toml -q; rc=$?; cmp -s ${W}/own.toml ${PROJECT_SOURCE_DIR}/tests/data/brief/agri_food.toml && echo rc=$rc kept")
