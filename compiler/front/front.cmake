# asl_front: simdjson parse with offsets, validation, IR building.
add_library(asl_front STATIC
  ${CMAKE_CURRENT_LIST_DIR}/frontend.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ir_builder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_tree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validation_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_machine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_choice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_errors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_task.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_map.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_payload.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_expressions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validate_variables.cpp
)
asl_target_defaults(asl_front)
target_link_libraries(asl_front PUBLIC asl_ir asl_lang PRIVATE simdjson::simdjson)
