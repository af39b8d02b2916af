# JSONata syntax tree and error values of asl_runtime.
target_sources(asl_runtime PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ast.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ast_print.cpp
  ${CMAKE_CURRENT_LIST_DIR}/error.cpp
)
target_sources(asl_runtime PRIVATE ${CMAKE_CURRENT_LIST_DIR}/signature.cpp)
include(${CMAKE_CURRENT_LIST_DIR}/evaluator.cmake)
