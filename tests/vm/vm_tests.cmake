# The interpreter (runtime/vm) and its execution services (runtime/exec): programs are compiled
# from definition text with the front end, as `aslc run` does.
asl_add_test_exe(asl_vm_tests
  ${CMAKE_CURRENT_LIST_DIR}/executor_flow_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_errors_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executor_concurrency_test.cpp
)
target_link_libraries(asl_vm_tests PRIVATE asl_front asl_bytecode)

# The runtime-only executable runs what aslc compiles: the sample workflow through an .aslb
# module gives the same result as `aslc run`.
add_test(NAME aslrun.order_processing
  COMMAND sh -c "\"$1\" compile \"$3/order-processing.asl.json\" --emit bytecode -o order-processing.aslb && \"$2\" order-processing.aslb --input @\"$3/order.json\" --mock-config \"$3/MockConfigFile.json\" --test-case HappyPath --virtual-clock"
          aslrun_test $<TARGET_FILE:aslc> $<TARGET_FILE:aslrun> ${PROJECT_SOURCE_DIR}/samples/order-processing
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(aslrun.order_processing PROPERTIES PASS_REGULAR_EXPRESSION
  "\\{\"status\":\"SUCCEEDED\",\"output\":\\{\"orderId\":\"o-7731\",\"customer\":\"c-1001\",\"total\":36.0,\"status\":\"CREATED\"\\}\\}")
