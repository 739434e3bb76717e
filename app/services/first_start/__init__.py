"""A clerk's own database from its first start: the first-start answers, the county template, and
old databases that still hold the untouched 示例县 sample."""
