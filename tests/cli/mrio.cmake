# Known-answer and bad-input cases of the mrio commands through the real binary (uses cli_case,
# T, W, RAW and the folders set in CMakeLists.txt).

# ---- Known answers on RAW (pymrio's test MRIO, 6 regions x 8 sectors). Expected numbers were
# computed independently in pure Python (no numpy): x = row sums of Z and Y, A = Z / x,
# L = inv(I - A) by Gauss-Jordan elimination with partial pivoting; closed model for Type II:
# A with one households row per region (value added / x of the region's sectors) and one column
# per region (the region's household consumption / the region's total value added), inverted
# directly. PICK prints column k of the CSV row with region r and sector s as "k=value" (quoted
# header cells, which may hold commas, are replaced by Q first where they occur).
set(PICK "'NR==1{for(i=1;i<=NF;i++)h[$i]=i} $1==r&&$2==s{print k \"=\" $h[k]}'")
set(HHOLD "--income 'Factor Inputs/Value Added' --households 'Final consumption expenditure by households'")

# Output multiplier (Type I) of reg3/manufactoring = column sum of L = 1.0142399095149062 (the
# Type I columns used to carry the name of the row before theirs).
cli_case(mrio_multipliers_type1_output 0 "^output \\(Type I\\)=1\\.01423990951"
  "${T} mrio multipliers ${RAW} ${HHOLD} -q --format csv | awk -F, -v r=reg3 -v s=manufactoring -v 'k=output (Type I)' ${PICK}")
# Type II: column sum over the producing sectors of the closed inverse = 1.321540322356841.
cli_case(mrio_multipliers_type2_output 0 "^output \\(Type II\\)=1\\.32154032235"
  "${T} mrio multipliers ${RAW} ${HHOLD} -q --format csv | sed 's/\"[^\"]*\"/Q/g' | awk -F, -v r=reg3 -v s=manufactoring -v 'k=output (Type II)' ${PICK}")
# Type I of value added is (v' L)_j / v_j; for output the simple and Type I columns agree.
cli_case(mrio_multipliers_type1_matches_simple 0 "^same$"
  "${T} mrio multipliers ${RAW} -q --format csv > ${W}/mult.csv && a=$(awk -F, -v r=reg3 -v s=manufactoring -v 'k=output (simple)' ${PICK} ${W}/mult.csv) && b=$(awk -F, -v r=reg3 -v s=manufactoring -v 'k=output (Type I)' ${PICK} ${W}/mult.csv) && [ \"\${a#*=}\" = \"\${b#*=}\" ] && echo same")
# On the shipped China MRIO (the default) every Type I column holds its own quantity: the output
# multiplier (Type I) equals the output multiplier (simple) for Heilongjiang/06.
cli_case(mrio_multipliers_default_labels 0 "^same$"
  "${T} mrio multipliers -q --format csv > ${W}/mult_cn.csv && a=$(awk -F, 'NR==1{for(i=1;i<=NF;i++)h[$i]=i} NR==2{print $h[\"output (simple)\"]}' ${W}/mult_cn.csv) && b=$(awk -F, 'NR==1{for(i=1;i<=NF;i++)h[$i]=i} NR==2{print $h[\"output (Type I)\"]}' ${W}/mult_cn.csv) && [ -n \"$a\" ] && [ \"$a\" = \"$b\" ] && echo same")

# Backward linkage of reg3/manufactoring = column sum of L = 1.0142399095149062; power of
# dispersion = that over the mean column sum = 0.8832339327412522.
cli_case(mrio_linkages_backward_value 0 "^backward=1\\.01423990951"
  "${T} mrio linkages ${RAW} -q --format csv | awk -F, -v r=reg3 -v s=manufactoring -v k=backward ${PICK}")
cli_case(mrio_linkages_power_value 0 "^power of dispersion=0\\.88323393274"
  "${T} mrio linkages ${RAW} -q --format csv | awk -F, -v r=reg3 -v s=manufactoring -v 'k=power of dispersion' ${PICK}")
# Near-zero outputs (Tibet/16 on the shipped MRIO: 4.4e-10) no longer swamp the Ghosh forward
# linkages: the default model has key sectors again.
cli_case(mrio_linkages_default_key_sectors 0 "^[1-9][0-9]*$"
  "${T} mrio linkages -q --format csv | grep -c ',key,'")
# The count in the note, and the sectors marked 'no output', are the sectors with
# x <= 1e-9 max(x), counted here with awk from the shipped x.
cli_case(mrio_linkages_default_note 0 "^22 22 note: 22 sector.s. with near-zero output"
  "n=$(${T} mrio show x -q -f csv | awk -F, 'NR>1{v[NR]=$NF; if($NF>m)m=$NF} END{for(i in v) if (v[i] <= 1e-9*m) c++; print c}'); k=$(${T} mrio linkages -q -f csv | grep -c ',no output,'); echo $n $k $(${T} mrio linkages -q | grep '^note: .*near-zero')")

# Total extraction of reg3/manufactoring: row and column of A and its final demand removed,
# the reduced system re-solved: loss of total output 318005431.70000505 (9.56693501610917 %).
cli_case(mrio_extraction_total_value 0 "^total=318005431\\.70"
  "${T} mrio extraction ${RAW} -q --format csv | awk -F, -v r=reg3 -v s=manufactoring -v k=total ${PICK}")
cli_case(mrio_extraction_total_share 0 "^total %=9\\.5669350161"
  "${T} mrio extraction ${RAW} -q --format csv | awk -F, -v r=reg3 -v s=manufactoring -v 'k=total %' ${PICK}")
# Backward extraction (column of A set to 0, re-solved): 4464790.361899376 (a difference of
# totals of order 1e9, so only about 9 digits are meaningful).
cli_case(mrio_extraction_backward_value 0 "^backward=4464790\\.36"
  "${T} mrio extraction ${RAW} -q --format csv | awk -F, -v r=reg3 -v s=manufactoring -v k=backward ${PICK}")

# shock --add 1e6 to reg1's household demand for reg2's products, spread in proportion:
# delta x = L dy; reg2/food gains 243.8794078266825 (x_new - x is computed by subtraction of
# outputs of order 1e8, so only about 9 digits are meaningful). The delta_x table comes first.
cli_case(mrio_shock_add_value 0 "^delta x=243\\.879407"
  "${T} mrio shock ${RAW} --demand-region reg1 ${HH} --from-region reg2 --add 1000000 -q --format csv | sed -n '2,/^# /p' | grep -v '^#' | awk -F, -v r=reg2 -v s=food -v 'k=delta x' ${PICK}")

# Price model: a cost push of 0.05 per unit of output in reg1/electricity gives dp = L' dv:
# reg1/food +0.11758991918676179 %, reg1/electricity +6.22419593872259 %.
cli_case(mrio_prices_food_value 0 "^price change %=0\\.11758991918"
  "${T} mrio prices ${RAW} --cost-push reg1/electricity=0.05 -q --format csv | awk -F, -v r=reg1 -v s=food -v 'k=price change %' ${PICK}")
cli_case(mrio_prices_own_value 0 "^price change %=6\\.2241959387"
  "${T} mrio prices ${RAW} --cost-push reg1/electricity=0.05 -q --format csv | awk -F, -v r=reg1 -v s=electricity -v 'k=price change %' ${PICK}")

# ---- show with one positional: the account of the default model.
cli_case(mrio_show_account_default_model 0 "^same$"
  "${T} mrio show x -q --format csv > ${W}/x1.csv && ${T} mrio show china:2017 x -q --format csv > ${W}/x2.csv && [ -s ${W}/x1.csv ] && cmp -s ${W}/x1.csv ${W}/x2.csv && echo same")

# ---- metadata / file_parameters JSON: nulls are absent, wrong types are invalid input (3).
cli_case(mrio_metadata_nulls 0 "^emission_type1,air,207752104\\.4316"
  "rm -rf ${W}/nullmeta ${W}/nullmeta_out && cp -r ${RAW} ${W}/nullmeta && printf '{\"name\": \"hand\", \"description\": null, \"system\": null, \"version\": null, \"history\": null}' > ${W}/nullmeta/metadata.json && ${T} mrio calc ${W}/nullmeta -o ${W}/nullmeta_out -q --precision 17 && ${T} mrio show ${W}/nullmeta_out Emissions/D_cba_reg --format csv")
cli_case(mrio_metadata_wrong_type 3 "metadata.json: \"system\" must be a string or null, found number"
  "rm -rf ${W}/badmeta && cp -r ${RAW} ${W}/badmeta && printf '{\"system\": 5}' > ${W}/badmeta/metadata.json && ${T} mrio calc ${W}/badmeta -o ${W}/badmeta_out -q")
cli_case(mrio_file_parameters_wrong_type 3 "file_parameters.json: files.Z.nr_header must be an integer"
  "rm -rf ${W}/badparams && cp -r ${RAW} ${W}/badparams && sed -i 's/\"nr_header\": \"2\"/\"nr_header\": [2]/' ${W}/badparams/file_parameters.json && ${T} mrio calc ${W}/badparams -o ${W}/badparams_out -q")
cli_case(mrio_file_parameters_name_type 3 "files.Z: \"name\" must be a string or null, found number"
  "rm -rf ${W}/badname && cp -r ${RAW} ${W}/badname && sed -i 's/\"name\": \"Z.txt\"/\"name\": 7/' ${W}/badname/file_parameters.json && ${T} mrio calc ${W}/badname -o ${W}/badname_out -q")

# ---- line breaks: a CR-only Z.txt (old Excel for Mac) reads as the LF one.
cli_case(mrio_cr_only_z 0 "^same$"
  "rm -rf ${W}/cr && cp -r ${RAW} ${W}/cr && tr '\\n' '\\r' < ${RAW}/Z.txt > ${W}/cr/Z.txt && ${T} mrio show ${W}/cr Z -q --format csv > ${W}/cr_z.csv && ${T} mrio show ${RAW} Z -q --format csv > ${W}/lf_z.csv && cmp -s ${W}/cr_z.csv ${W}/lf_z.csv && ${T} mrio show ${W}/cr x --calc -q --format csv > ${W}/cr_x.csv && ${T} mrio show ${RAW} x --calc -q --format csv > ${W}/lf_x.csv && cmp -s ${W}/cr_x.csv ${W}/lf_x.csv && echo same")
cli_case(mrio_absurd_header_size 3 "nr_header=2000000000 but the file has only"
  "rm -rf ${W}/absurd && cp -r ${RAW} ${W}/absurd && sed -i '0,/\"nr_header\": \"2\"/s//\"nr_header\": \"2000000000\"/' ${W}/absurd/file_parameters.json && ${T} mrio show ${W}/absurd Z -q")

# ---- a 1 MiB bad cell is quoted as a short excerpt only.
cli_case(mrio_bad_cell_excerpt 0 "^rc=3 len=[0-9]{2,3} ok$"
  "rm -rf ${W}/bigcell && cp -r ${RAW} ${W}/bigcell && awk -F'\\t' -v OFS='\\t' 'NR==4{b=\"x\"; while (length(b) < 1000000) b = b b; $3=b} 1' ${RAW}/Z.txt > ${W}/bigcell/Z.txt && out=$(${T} mrio show ${W}/bigcell Z -q 2>&1); rc=$?; grep -q 'xxx\\.\\.\\. (1048576 bytes)' <<<\"$out\" && echo \"rc=$rc len=\${#out} ok\"")

# ---- output paths
cli_case(mrio_output_empty_folder 0 "^backward=1\\.01423990951"
  "rm -rf ${W}/emptyout && mkdir -p ${W}/emptyout && ${T} mrio linkages ${RAW} -q -o ${W}/emptyout/ && awk -F, -v r=reg3 -v s=manufactoring -v k=backward ${PICK} ${W}/emptyout/linkages.csv")
cli_case(mrio_output_csv_file_several_tables 0 "^file: # delta_x"
  "rm -rf ${W}/shock_many.csv && ${T} mrio shock ${RAW} --demand-region reg1 ${HH} --scale 1.1 -q -o ${W}/shock_many.csv && test -f ${W}/shock_many.csv && echo \"file: $(head -1 ${W}/shock_many.csv)\"")
cli_case(mrio_output_symlink_refused 4 "symbolic link"
  "rm -f ${W}/link_target.csv ${W}/link.csv && echo keep > ${W}/link_target.csv && ln -s ${W}/link_target.csv ${W}/link.csv && ${T} mrio linkages ${RAW} -q -o ${W}/link.csv; rc=$?; test -L ${W}/link.csv && grep -qx keep ${W}/link_target.csv && exit $rc")
cli_case(mrio_output_inside_input_refused 4 "is the input .* or inside it"
  "rm -rf ${W}/rawcopy && cp -r ${RAW} ${W}/rawcopy && ${T} mrio linkages ${W}/rawcopy -q -o ${W}/rawcopy/linkages.csv; rc=$?; test ! -e ${W}/rawcopy/linkages.csv && exit $rc")
cli_case(mrio_calc_onto_input_refused 4 "is the input"
  "rm -rf ${W}/rawcopy2 && cp -r ${RAW} ${W}/rawcopy2 && ${T} mrio calc ${W}/rawcopy2 -q -o ${W}/rawcopy2")

# Data caution of linkages: the sectors whose intermediate sales (row sums of Z) exceed their
# output, counted here with awk from `mrio show Z` and `mrio show x` (near-zero outputs left out).
cli_case(mrio_linkages_sales_above_output 0 "^288 note: data caution: 288 sector.s. sell more to intermediate use than they produce.*largest: Guangdong/02 .1855 x."
  "n=$(paste -d, <(${T} mrio show Z -q -f csv | awk -F, 'NR>1{s=0; for(i=3;i<=NF;i++) s+=$i; print s}') <(${T} mrio show x -q -f csv | awk -F, 'NR>1{print $NF}') | awk -F, '{z[NR]=$1; x[NR]=$2; if($2>m)m=$2} END{for(i in x) if (x[i] > 1e-9*m && z[i] > x[i]*(1+1e-9)) c++; print c}'); echo $n $(${T} mrio linkages -q | grep '^note: data caution')")

# ---- known answers added from docs/known-answers.md, "Gaps".
# mrio calc's summary line (stderr, without -q): the counts read here from the input folder
# itself (distinct region and sector labels of Z.txt's rows, extension folders with a
# file_parameters.json): pymrio's test MRIO has 6 regions x 8 sectors and 2 extensions
# (emissions, factor_inputs).
cli_case(mrio_calc_summary_counts 0 "^ok 6 8 2$"
  "rm -rf ${W}/calc_summary && r=$(awk -F'\\t' 'NR>3{print $1}' ${RAW}/Z.txt | sort -u | wc -l) && s=$(awk -F'\\t' 'NR>3{print $2}' ${RAW}/Z.txt | sort -u | wc -l) && e=$(ls ${RAW}/*/file_parameters.json | wc -l) && ${T} mrio calc ${RAW} -o ${W}/calc_summary 2>&1 | grep -q \"^$r regions x $s sectors, $e extension(s); \" && echo ok $r $s $e")
# Hypothetical extraction of every sector of RAW by brute force in pure Python (ka_mrio_extraction.py:
# each reduced system re-solved by Gaussian elimination: row and column j removed for total,
# column j of A zeroed for backward, row j of B zeroed in the Ghosh model for forward): all six
# columns (total, backward, forward and their % of total output) of all 48 sectors.
cli_case(mrio_extraction_brute_force 0 "^extraction agrees for 48 sector.s.$"
  "python3 ${CMAKE_CURRENT_SOURCE_DIR}/ka_mrio_extraction.py ${T} ${RAW}")
# `mrio aggregate` RAW to 2 regions x 3 sectors, every written account recomputed in pure Python
# by pymrio's definitions (ka_mrio_aggregate.py: flows summed over the groups, Gauss-Jordan L,
# D_cba = S L Y_diag, D_pba, D_imp / D_exp with each region's own block zeroed, _reg with F_Y
# for cba and pba, _cap per population): 428 values of Z, Y, x, A, L and both extensions' F,
# F_Y, S, S_Y, M, D_* within 1e-9 of each file's largest value; EU and other's emission_type1
# D_cba_reg pinned here.
cli_case(mrio_aggregate_footprints 0 "^ok 428 values in 2 extension.s., 6 sectors; emissions D_cba_reg emission_type1/air 694340286\\.51[0-9]* 1661632591\\.52[0-9]*$"
  "python3 ${CMAKE_CURRENT_SOURCE_DIR}/ka_mrio_aggregate.py ${T} ${RAW} EU,EU,EU,other,other,other primary,primary,industry,industry,industry,services,services,services ${W}")
# The shock's data caution on the shipped China MRIO (Anhui x 1.1): the 10% bound, the sectors
# beyond it, the largest and its base output recomputed from the printed table and `mrio show
# x` (tests/cli/ka_mrio_shock_caution.py); the premise, negative final demand, from `mrio show Y`.
cli_case(mrio_shock_caution 0 "^ok caution: 9 sectors beyond 10%, largest Guangdong/02 \\+241\\.9% of 1194\\.66; [1-9][0-9]* negative"
  "python3 ${CMAKE_CURRENT_SOURCE_DIR}/ka_mrio_shock_caution.py ${T}")
