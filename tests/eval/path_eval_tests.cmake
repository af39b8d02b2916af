# JSONPath evaluation (runtime/eval/path_eval); builds paths with the compiler's parser.
asl_add_test_exe(asl_eval_path_tests eval/path_eval_test.cpp)
target_link_libraries(asl_eval_path_tests PRIVATE asl_lang)
