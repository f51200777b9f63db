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
    # float-cast-overflow: GCC leaves it out of "undefined" (clang's fuzz build has it).
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined,float-cast-overflow
      -fno-sanitize-recover=undefined,float-cast-overflow -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined,float-cast-overflow)
    add_test(NAME ${target} COMMAND ${target} "${CMAKE_CURRENT_LIST_DIR}/corpus/${name}")
    set_tests_properties(${target} PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0;UBSAN_OPTIONS=print_stacktrace=1")
  endif()
  target_compile_features(${target} PRIVATE cxx_std_20)
  target_compile_definitions(${target} PRIVATE EIKONA_VERSION="fuzz" EIKONA_SOURCE_RESOURCES="${_src}/resources")
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
eikona_fuzz_target(content_range
  SOURCES "${_store}/hub_listing.cpp" INCLUDES "${_store}" LIBS Qt6::Core)
eikona_fuzz_target(checkpoint_keys
  SOURCES "${_engine}/io/checkpoint_keys.cpp" INCLUDES "${_engine}")
eikona_fuzz_target(picture_metadata
  SOURCES "${_store}/picture_metadata.cpp" "${_store}/png_text.cpp" "${_store}/generation_parameters.cpp"
          "${_store}/exif_comment.cpp"
  INCLUDES "${_store}" LIBS Qt6::Core ZLIB::ZLIB PkgConfig::EIKONA_EXIV2)
eikona_fuzz_target(model_registry
  SOURCES "${_store}/model_registry.cpp" "${_store}/hub_cache.cpp" "${_store}/hub_client.cpp" "${_store}/hub_downloader.cpp"
          "${_store}/hub_listing.cpp" "${_store}/hub_file_selection.cpp" "${_store}/model_hash.cpp"
          "${_store}/proxy_settings.cpp" "${_store}/local_model.cpp" "${_engine}/io/safetensors_format.cpp"
          "${_engine}/io/mapped_file.cpp"
  INCLUDES "${_store}" "${_engine}" LIBS Qt6::Core Qt6::Network nlohmann_json::nlohmann_json)
# The tokenizer runs CLIP's BPE in the SentencePiece module, found through a generated header:
# the fuzz build makes its own module; the replay uses the application's.
if(EIKONA_FUZZ_MODE STREQUAL "fuzz")
  find_library(EIKONA_SENTENCEPIECE_LIBRARY sentencepiece REQUIRED)
  find_path(EIKONA_SENTENCEPIECE_INCLUDE sentencepiece_processor.h REQUIRED)
  add_library(eikona_sentencepiece MODULE "${_engine}/tokenizer/sentencepiece_shim.cpp")
  target_compile_features(eikona_sentencepiece PRIVATE cxx_std_20)
  target_include_directories(eikona_sentencepiece PRIVATE "${_engine}")
  target_include_directories(eikona_sentencepiece SYSTEM PRIVATE "${EIKONA_SENTENCEPIECE_INCLUDE}")
  target_link_libraries(eikona_sentencepiece PRIVATE "${EIKONA_SENTENCEPIECE_LIBRARY}")
  set_target_properties(eikona_sentencepiece PROPERTIES CXX_VISIBILITY_PRESET hidden)
  file(GENERATE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/generated/build_paths.h"
    CONTENT "#pragma once\n#define EIKONA_SENTENCEPIECE_BUILD_PATH \"$<TARGET_FILE:eikona_sentencepiece>\"\n")
  set(_build_paths "${CMAKE_CURRENT_BINARY_DIR}/generated")
else()
  set(_build_paths "${PROJECT_BINARY_DIR}/core/engine/generated")
endif()
eikona_fuzz_target(tokenizer_files
  SOURCES "${_engine}/tokenizer/clip_tokenizer.cpp" "${_engine}/tokenizer/byte_level.cpp"
          "${_engine}/tokenizer/sentencepiece_bpe.cpp" "${_engine}/tokenizer/sentencepiece_model.cpp"
          "${_engine}/tokenizer/text_cleaner.cpp" "${_engine}/tokenizer/unicode_text.cpp"
          "${_engine}/io/model_folder.cpp" "${_engine}/models/configs.cpp"
  INCLUDES "${_engine}" "${_build_paths}" LIBS nlohmann_json::nlohmann_json ICU::uc ICU::i18n ${CMAKE_DL_LIBS})
if(EIKONA_FUZZ_MODE STREQUAL "fuzz")
  add_dependencies(fuzz_tokenizer_files eikona_sentencepiece)
else()
  add_dependencies(fuzz_replay_tokenizer_files eikona_sentencepiece)
endif()
