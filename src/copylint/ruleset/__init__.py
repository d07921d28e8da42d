"""Rule pack stage: load YAML rule files, validate them strictly (errors cite file and line), and
compile each rule with its kind."""
