"""法治政府建设年度报告: the five statutory parts in the order the county uses, drafted from the
tracked year (督办台账), edited by the clerk, with the units' yearly figures (collected through the
same Excel round-trip as the 督办 forms) placed where the clerk puts a field, and printed through
the GB/T 9704 engine in two variants and as a publication version. No Qt here."""
