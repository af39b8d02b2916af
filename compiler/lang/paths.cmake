# JSONPath and intrinsic-function parsers of asl_lang.
target_sources(asl_lang PRIVATE)
