# The fuzz targets and what each compiles, shared by the libFuzzer build (tests/fuzz/
# CMakeLists.txt, clang) and the corpus replay the ordinary build runs under CTest.
# EIKONA_FUZZ_MODE: "fuzz" (libFuzzer + ASan + UBSan) or "replay" (replay_main.cpp).

set(_src "${CMAKE_CURRENT_LIST_DIR}/../..")
set(_engine "${_src}/core/engine")
set(_store "${_src}/core/store")

function(eikona_fuzz_target name)
  cmake_parse_arguments(FUZZ "" "" "SOURCES;LIBS;INCLUDES" ${ARGN})
  set(sources "${CMAKE_CURRENT_LIST_DIR}/fuzz_${name}.cpp" ${FUZZ_SOURCES})
  if(EIKONA_FUZZ_MODE STREQUAL "fuzz")
    set(target fuzz_${name})
    add_executable(${target} ${sources})
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
  else()
    # Replayed under GCC's ASan and UBSan: CI's sanitizer run of every parser on every input
    # the fuzzer kept (seconds; leak checks off, as containers often forbid LSan's ptrace).
    set(target fuzz_replay_${name})
    add_executable(${target} "${CMAKE_CURRENT_LIST_DIR}/replay_main.cpp" ${sources})
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    add_test(NAME ${target} COMMAND ${target} "${CMAKE_CURRENT_LIST_DIR}/corpus/${name}")
    set_tests_properties(${target} PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0;UBSAN_OPTIONS=print_stacktrace=1")
  endif()
  target_compile_features(${target} PRIVATE cxx_std_20)
  target_include_directories(${target} PRIVATE ${FUZZ_INCLUDES})
  target_link_libraries(${target} PRIVATE ${FUZZ_LIBS})
  set_target_properties(${target} PROPERTIES AUTOMOC OFF)
endfunction()

eikona_fuzz_target(safetensors
  SOURCES "${_engine}/io/safetensors_format.cpp" "${_engine}/io/mapped_file.cpp"
  INCLUDES "${_engine}" LIBS nlohmann_json::nlohmann_json)
eikona_fuzz_target(model_config
  SOURCES "${_engine}/io/model_folder.cpp" "${_engine}/models/configs.cpp"
  INCLUDES "${_engine}" LIBS nlohmann_json::nlohmann_json)
eikona_fuzz_target(prompt
  SOURCES "${_engine}/pipeline/prompt_parser.cpp" INCLUDES "${_engine}")
eikona_fuzz_target(text_cleaner
  SOURCES "${_engine}/tokenizer/text_cleaner.cpp" "${_engine}/tokenizer/unicode_text.cpp"
  INCLUDES "${_engine}" LIBS ICU::uc ICU::i18n)
eikona_fuzz_target(png_text
  SOURCES "${_store}/png_text.cpp" "${_store}/generation_parameters.cpp"
  INCLUDES "${_store}" LIBS Qt6::Core ZLIB::ZLIB)
eikona_fuzz_target(hub_listing
  SOURCES "${_store}/hub_listing.cpp" INCLUDES "${_store}" LIBS Qt6::Core)
