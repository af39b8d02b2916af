# JSONata syntax tree of asl_runtime.
target_sources(asl_runtime PRIVATE)
