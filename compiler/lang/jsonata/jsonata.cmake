# JSONata lexer and parser of asl_lang.
target_sources(asl_lang PRIVATE)
