# asl_front: simdjson parse with offsets, validation, IR building.
add_library(asl_front STATIC
  ${CMAKE_CURRENT_LIST_DIR}/json_tree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_error_locator.cpp
)
asl_target_defaults(asl_front)
target_link_libraries(asl_front PUBLIC asl_ir asl_lang PRIVATE simdjson::simdjson)
