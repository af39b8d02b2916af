# asl_ir: the typed, immutable IR of a state machine and its text printer.
add_library(asl_ir STATIC
  ${CMAKE_CURRENT_LIST_DIR}/kinds.cpp
)
asl_target_defaults(asl_ir)
target_link_libraries(asl_ir PUBLIC asl_runtime)
target_sources(asl_ir PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ir_printer.cpp)
