# Tests of the IR builder and the IR text printer.
asl_add_test_exe(asl_ir_tests ir/ir_builder_test.cpp)
target_link_libraries(asl_ir_tests PRIVATE asl_front)
