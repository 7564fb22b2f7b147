# Known-answer and bad-input cases of the match commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).

set(MC "python3 ${SD}/match_checks.py")

# 1. agendas.csv: as many fields as header names in every row, the date column the session's.
cli_case(match_agendas_csv_columns 0 "^ok [0-9]+ rows of 13 fields, date 2026-"
         "rm -rf ${W}/mc1 && ${T} match run ${SYM} -o ${W}/mc1 -q && ${MC} agendas-columns ${W}/mc1 ${SYM}")
# 2. Sector codes of the shipped symposium: iFLYTEK 31 software, Harbin Bank 32 finance, and no
# reason that makes the bank an agricultural supplier or iFLYTEK a bank.
cli_case(match_symposium_sectors 0 "^ok sectors; [1-9][0-9]* agenda rows of the bank"
         "rm -rf ${W}/mc2 && ${T} match run ${SYM} -o ${W}/mc2 -q && ${MC} sectors ${W}/mc2 ${SYM}")
# 3. iCalendar: DTSTART/DTEND in Asia/Shanghai with a VTIMEZONE, DTSTAMP the UTC time written.
cli_case(match_ics_timezone_and_stamp 0 "^ok 30 files, [0-9]+ events in Asia/Shanghai"
         "rm -rf ${W}/mc3 && ${T} match run ${SYM} -o ${W}/mc3 -q && ${MC} ics ${W}/mc3")
# 4. Delegate ids are sanitised into file names: nothing outside the output folder, no
# leading dot, unique (HIT-2 and hit-2 differ only in case).
cli_case(match_ics_file_names_sanitised 0 "^safe$"
         "rm -rf ${W}/mc4 ${W}/mc4_escape ${W}/mc4_out && mkdir -p ${W}/mc4 && sed -e 's#\"neau-1\"#\"../../mc4_escape\"#' -e 's#\"hit-1\"#\"/tmp/mc4_abs\"#' -e 's#\"heu-1\"#\".hidden\"#' -e 's#\"haas-1\"#\"HIT-2\"#' ${SYM} > ${W}/mc4/sym.json && ${T} match run ${W}/mc4/sym.json -o ${W}/mc4_out -q && test ! -e ${W}/mc4_escape.ics && test ! -e ${W}/mc4_out/../../mc4_escape.ics && test -f ${W}/mc4_out/ics/_.._.._mc4_escape.ics && test -f ${W}/mc4_out/ics/_tmp_mc4_abs.ics && test -f ${W}/mc4_out/ics/_.hidden.ics && test -f ${W}/mc4_out/ics/hit-2.ics && test -f ${W}/mc4_out/ics/HIT-2-2.ics && test $(ls ${W}/mc4_out/ics | wc -l) -eq 30 && echo safe")
# 5. match run is atomic and refuses what it must not replace (exit 4).
cli_case(match_run_refuses_foreign_folder 4 "holds no .tandem-match: refusing to overwrite"
         "rm -rf ${W}/mc5 && mkdir -p ${W}/mc5 && touch ${W}/mc5/mine.txt && ${T} match run ${SYM} -o ${W}/mc5 -q; rc=$?; test -f ${W}/mc5/mine.txt && test $(ls -A ${W}/mc5 | wc -l) -eq 1 && exit $rc")
cli_case(match_run_refuses_symlink 4 "is a symbolic link; refusing to replace it"
         "rm -rf ${W}/mc6 ${W}/mc6_link && mkdir -p ${W}/mc6 && ln -s ${W}/mc6 ${W}/mc6_link && ${T} match run ${SYM} -o ${W}/mc6_link -q; rc=$?; test -L ${W}/mc6_link && test -z \"$(ls -A ${W}/mc6)\" && exit $rc")
cli_case(match_run_refuses_input_folder 4 "the output would replace the input"
         "rm -rf ${W}/mc7 && mkdir -p ${W}/mc7 && cp ${SYM} ${W}/mc7/sym.json && ${T} match run ${W}/mc7/sym.json -o ${W}/mc7 -q; rc=$?; test -f ${W}/mc7/sym.json && exit $rc")
cli_case(match_run_refuses_input_ancestor 4 "the output would replace the input"
         "rm -rf ${W}/mc8 && mkdir -p ${W}/mc8/in && cp ${SYM} ${W}/mc8/in/sym.json && ${T} match run ${W}/mc8/in/sym.json -o ${W}/mc8/ -q; rc=$?; test -f ${W}/mc8/in/sym.json && exit $rc")
cli_case(match_run_refuses_input_file 4 "would replace the input"
         "rm -rf ${W}/mc9 && mkdir -p ${W}/mc9 && cp ${SYM} ${W}/mc9/sym.json && ${T} match run ${W}/mc9/sym.json -o ${W}/mc9/sym.json -q; rc=$?; cmp -s ${SYM} ${W}/mc9/sym.json && exit $rc")
# A failed run (a locked meeting conflicting with another) leaves the earlier output as it
# was and no temporary folder; a second good run replaces a previous output.
cli_case(match_run_failure_keeps_previous 3 "the locked meetings conflict"
         "rm -rf ${W}/mc10 ${W}/mc10_out && mkdir -p ${W}/mc10 && ${T} match run ${SYM} -o ${W}/mc10_out -q && ${T} match run ${SYM} -o ${W}/mc10_out/ -q && (cd ${W}/mc10_out && find . -type f ! -path './ics/*' -exec md5sum {} + | sort > ${W}/mc10/before) && python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); d['locked'] = [{'a': 'hl_commerce', 'b': 'ah_commerce', 'slot': 0}, {'a': 'hl_commerce', 'b': 'ah_tourism', 'slot': 0}]; json.dump(d, open(sys.argv[2], 'w'))\" ${SYM} ${W}/mc10/bad.json && ${T} match run ${W}/mc10/bad.json -o ${W}/mc10_out --min-score 50 -q; rc=$?; (cd ${W}/mc10_out && find . -type f ! -path './ics/*' -exec md5sum {} + | sort | cmp -s - ${W}/mc10/before) && test -z \"$(ls -A ${W} | grep 'mc10_out.tmp')\" && exit $rc")
# 6. Deep nesting is refused with file:line:column, not a stack overflow.
cli_case(match_deep_nesting 3 "deep.json:1:[0-9]+: nesting deeper than 64"
         "mkdir -p ${W} && ${MC} nested ${W}/deep.json 100000 && ${T} match suggest ${W}/deep.json")
cli_case(schedule_deep_nesting 3 "deep_event.json:1:[0-9]+: nesting deeper than 64"
         "mkdir -p ${W} && python3 -c \"print('{\\\"slots\\\": ' + '[' * 100000)\" > ${W}/deep_event.json && ${T} schedule ${W}/deep_event.json")
# 7. Wrong types, numbers out of range and conflicting locks: invalid input (3) naming the file
# and field, never an internal error; long values (here an 8 MB date) quoted short.
cli_case(match_wrong_type_slots 3 "ty1.json: programme.sessions.0.: .slots. should be an integer"
         "mkdir -p ${W} && sed '0,/\"slots\": [0-9]*/s//\"slots\": \"x\"/' ${SYM} > ${W}/ty1.json && ${T} match suggest ${W}/ty1.json")
cli_case(match_wrong_type_tables 3 "ty2.json: programme: .tables. should be an integer"
         "mkdir -p ${W} && sed '0,/\"tables\": [0-9]*/s//\"tables\": [1]/' ${SYM} > ${W}/ty2.json && ${T} match suggest ${W}/ty2.json")
cli_case(match_number_out_of_range 3 "ty3.json:[0-9]+:[0-9]+: the number 1e400 is out of range"
         "mkdir -p ${W} && sed '0,/\"tables\": [0-9]*/s//\"tables\": 1e400/' ${SYM} > ${W}/ty3.json && ${T} match suggest ${W}/ty3.json")
cli_case(schedule_number_out_of_range 3 "ty4.json:1:[0-9]+: the number 1e400 is out of range"
         "mkdir -p ${W} && printf '{\"slots\": 2, \"tables\": 1e400, \"participants\": [], \"requests\": []}' > ${W}/ty4.json && ${T} schedule ${W}/ty4.json")
cli_case(match_conflicting_locks 3 "ty5.json: locked.1.: .* is also in locked.0. in slot 0"
         "mkdir -p ${W} && python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); d['locked']=[{'a': 'hl_commerce', 'b': 'ah_commerce', 'slot': 0}, {'a': 'hl_commerce', 'b': 'ah_tourism', 'slot': 0}]; json.dump(d, open(sys.argv[2], 'w'))\" ${SYM} ${W}/ty5.json && ${T} match run ${W}/ty5.json -o ${W}/ty5_out; rc=$?; test ! -e ${W}/ty5_out && exit $rc")
cli_case(match_long_value_excerpt 3 "date \"x{60}\\.\\.\\. \\([0-9]+ bytes\\)\": expected YYYY-MM-DD"
         "mkdir -p ${W} && ${MC} big-string ${W}/ty6.json ${SYM} 8 && ${T} match suggest ${W}/ty6.json > ${W}/ty6.out 2>&1; rc=$?; test $(wc -c < ${W}/ty6.out) -lt 1000 && cat ${W}/ty6.out && exit $rc")
# 8. A 1 MB offer text indexes in linear time (only its first 20,000 bytes are indexed).
cli_case(match_suggest_one_megabyte_offer 0 "^neau,"
         "mkdir -p ${W} && ${MC} big-offer ${W}/big_offer.json ${SYM} && timeout 60 ${T} match suggest ${W}/big_offer.json -f csv -q | grep '^neau,' | head -1")

# Known answers. tandem schedule on small_event.json: 4 requests (one merged) of priorities
# 3, 2, 1, 2 = weighted total 8, all held; p2 misses slot 0 only, so nobody waits between
# meetings: idle gaps 0.
cli_case(schedule_small_known_answer 0 "weighted total: 8 .of 8 requested.\\|idle gaps: 0\\|participants without a meeting: 0 .of 4 with requests.\\|"
         "${T} schedule ${SD}/small_event.json -o ${W}/ka.csv | tr '\\n' '|'")
# match suggest, score = 100 x (0.4 areas + 0.2 sectors + 0.4 text) / (0.4 + 0.2 + 0.4).
# The top pair hl_tourism - ah_tourism: areas 1/1 (both only culture-tourism), sectors 1 (both
# in 42), text 0.589198 (59% of ah_tourism's needs met by hl_tourism's offers, the better
# direction) -> 100 x (0.4 + 0.2 + 0.4 x 0.589198) = 83.5679.
cli_case(match_suggest_top_score 0 "^hl_tourism,.*,ah_tourism,.*,83\\.5679[0-9]*,1,1,0\\.58919"
         "${T} match suggest ${SYM} --top 1 -f csv -q")
# Without text (--weight-text 0), neau - ahau by hand: areas: they share modern-agriculture,
# seed-industry, animal-husbandry of 5 areas in all -> Jaccard 3/5 = 0.6; sectors: both in 39
# Education -> 1; score = 100 x (0.4 x 0.6 + 0.2 x 1) / 0.6 = 73.333.
cli_case(match_suggest_score_by_hand 0 "^neau,.*,ahau,.*,73\\.3333[0-9]*,0\\.(6|5999)[0-9]*,1,"
         "${T} match suggest ${SYM} --weight-text 0 -f csv -q")
