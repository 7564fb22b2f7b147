# Known-answer and bad-input cases of the geo commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).
# A sparse file naming many locations and products (4,000 x 4,000 cells from 4,000 rows) is
# refused with the estimate before a dense year is made or written.
cli_case(geo_sparse_refused 3 "year 2000: 4000 locations x 4000 products make 16000000 cells a year.*over the limit of 5000000 cells a year .max_cells." "mkdir -p ${W} && python3 -c \"print('time,loc,prod,val'); [print(f'2000,l{i},p{i},1') for i in range(4000)]\" > ${W}/sparse.csv && ${T} geo complexity ${W}/sparse.csv -o ${W}/sparse_out.csv; rc=$?; test ! -e ${W}/sparse_out.csv && exit $rc")
# geo profile's summary against the references (tests/data/reference/ecomplexity/output):
# py-ecomplexity's ECI and COI, EconGeo's Herfindahl, Krugman, Hachman and entropy (3 decimals).
cli_case(geo_profile_values 0 "^diversity .sectors with RCA >= 1.,16;ECI,1\\.147423267131[0-9]*;ECI rank,6;COI,-0\\.5403674603582[0-9]*;fitness,[0-9.]+;Herfindahl,0\\.05576741925777[0-9]*;entropy .bits.,4\\.680[0-9]*;Krugman specialisation,0\\.2567810418[0-9]*;Hachman,0\\.8985282871[0-9]*$" "${T} geo profile Anhui -f csv -q | sed -n '6,14p' | paste -sd ';'")

# Outputs never replace an input: geo locations -o onto its own CSV is refused (exit 4).
cli_case(geo_output_onto_input_refused 0 "^rc=4 kept$"
  "mkdir -p ${W} && printf 'year,loc,prod,val\\n1,a,x,1\\n1,a,y,2\\n1,b,x,3\\n1,b,y,1\\n' > ${W}/own.csv && cp ${W}/own.csv ${W}/own.orig && ${T} geo locations ${W}/own.csv --time year --loc loc --prod prod --val val -o ${W}/own.csv -q; rc=$?; cmp -s ${W}/own.csv ${W}/own.orig && echo rc=$rc kept")

# ---- known answers added from docs/known-answers.md, "Gaps".
# geo products: total = the sum of CVA's value_added column by sector (awk over the input CSV:
# columns 3 sector, 4 value_added), every one of the 42 sectors, relative 1e-12.
cli_case(geo_products_total 0 "^ok 42$"
  "${T} geo products ${CVA} -f csv -q > ${W}/products_total.csv && awk -F, 'FNR==NR{if(FNR>1)s[$3]+=$4; next} FNR>1{n++; d=$3-s[$2]; if(d<0)d=-d; if(!($2 in s) || d>1e-12*s[$2]){printf \"bad %s: tandem %s, recomputed %.17g\\n\", $2, $3, s[$2]; b=1}} END{if(!b) print \"ok \" n}' ${ECX}/input/china2017_value_added.csv ${W}/products_total.csv")
# shift-share --by-location on the Clarksville example of geo_shift_share_known (CMakeLists.txt),
# by hand: the nation grows 5000 -> 5100 (G = 2%), x 1000 -> 1030 (3%), y 4000 -> 4070 (1.75%).
# a: base 400, end 412, change 12, national 400 x 0.02 = 8, mix 100 x 0.01 + 300 x (-0.0025) =
# 0.25, competitive 100 x (0.06 - 0.03) + 300 x (0.02 - 0.0175) = 3.75; b: 4600, 4688, 88, 92,
# 900 x 0.01 + 3700 x (-0.0025) = -0.25, 900 x (24/900 - 0.03) + 3700 x (64/3700 - 0.0175) =
# -3.75. Compared within 1e-9 (the CLI prints 0.25000000000001688 and the like).
cli_case(geo_shift_share_by_location 0 "^ok 2$"
  "mkdir -p ${W} && printf 'time,loc,prod,val\\n1,a,x,100\\n1,a,y,300\\n1,b,x,900\\n1,b,y,3700\\n2,a,x,106\\n2,a,y,306\\n2,b,x,924\\n2,b,y,3764\\n' > ${W}/ss_loc.csv && ${T} geo shift-share ${W}/ss_loc.csv --from 1 --to 2 --by-location -f csv -q | awk -F, 'BEGIN{w[\"a\"]=\"400 412 12 8 0.25 3.75\"; w[\"b\"]=\"4600 4688 88 92 -0.25 -3.75\"} NR>1{n++; if(!($1 in w)){b=1; next}; split(w[$1],e,\" \"); for(i=2;i<=7;i++){d=$i-e[i-1]; if(d<0)d=-d; if(d>1e-9){print \"bad \" $1 \" column \" i \": \" $i; b=1}}} END{if(!b) print \"ok \" n}'")
# geo profile, recomputed in pure Python from data/china/provincial_{2012,2017}/V.csv
# (ka_geo_profile.py): summary value added, share of all regions, rank, value added 2012, growth,
# the three shift-share sums; every present sector's value added, share, RCA and growth (in RCA
# order); every common sector's shift-share row (base, end, change, national, mix, competitive,
# in order); the negative-cell note (2017: 1). Anhui, and Tibet (whose cell is the clipped one).
set(KGP "python3 ${CMAKE_CURRENT_SOURCE_DIR}/ka_geo_profile.py ${T} ${PROJECT_SOURCE_DIR}/data/china")
cli_case(geo_profile_known_answers_anhui 0 "^Anhui: all geo profile figures agree .* negative cells 2017 1, 2012 0" "${KGP} 340000")
cli_case(geo_profile_known_answers_tibet 0 "^Tibet: all geo profile figures agree .* negative cells 2017 1, 2012 0" "${KGP} 540000")
# geo complementarity --china 2017 (and --foreign): Michaely's index of all 930 ordered pairs
# recomputed in pure Python from Y.csv's OF/IF (EX/IM) columns (ka_geo_complementarity.py);
# Heilongjiang -> Anhui is 37.8761738072, the value Brief.MichaelyAndRcaRecomputed pins.
set(KGC "python3 ${CMAKE_CURRENT_SOURCE_DIR}/ka_geo_complementarity.py ${T} ${PROJECT_SOURCE_DIR}/data/china/provincial_2017 2017")
cli_case(geo_complementarity_china_michaely 0 "^930 pairs agree; Heilongjiang -> Anhui 37\\.8761738072$" "${KGC}")
cli_case(geo_complementarity_china_foreign_michaely 0 "^930 pairs agree; Heilongjiang -> Anhui 41\\.7291643922$" "${KGC} --foreign")

# 2012: Hubei publishes no split of outflows and inflows (OF and IF all 0). Michaely's index is
# undefined for its pairs only: they are left empty with a caution, the other 870 pairs stay.
# The regions without outflows are counted with awk over the shipped Y.csv.
cli_case(geo_complementarity_china_2012_undefined_pairs 0 "^420000 ok$"
  "set -o pipefail; y=${PROJECT_SOURCE_DIR}/data/china/provincial_2012/Y.csv; none=$(awk -F, 'NR==1{for(i=1;i<=NF;i++) c[$i]=i; next} {s[$1]+=($c[\"OF\"]<0?-$c[\"OF\"]:$c[\"OF\"])} END{for(r in s) if (s[r]==0) print r}' $y); out=$(${T} geo complementarity --china 2012 -q -f csv); notes=$(${T} geo complementarity --china 2012 -q | grep -c '^note: data caution: Hubei sells nothing'); empty=$(grep -c '^Hubei,[^,]*,$' <<<\"$out\"); full=$(grep -c ',[0-9]' <<<\"$out\"); test \"$notes\" = 1 && test \"$empty\" = 30 && test \"$full\" = 870 && echo $none ok")
