# JSONPath and intrinsic-function trees of asl_runtime.
target_sources(asl_runtime PRIVATE)
