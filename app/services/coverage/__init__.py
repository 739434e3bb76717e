"""Coverage of the county plan against its superior's document and against indicator systems
(示范创建指标体系, 考核细则): suggestions by text similarity, the clerk's confirmed links, 不适用
marks and 情况说明, the coverage view's data, its Excel and the 对照表 attachment. No Qt here."""
