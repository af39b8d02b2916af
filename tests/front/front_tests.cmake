# Tests of the front end.
asl_add_test_exe(asl_front_tests front/json_tree_test.cpp front/validate_variables_test.cpp)
target_link_libraries(asl_front_tests PRIVATE asl_front)
