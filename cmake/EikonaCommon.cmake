# One INTERFACE target carrying the language standard, the warnings and the Qt defines that
# every Eikona target links to.

if(EIKONA_USE_CCACHE)
  find_program(EIKONA_CCACHE ccache)
  if(EIKONA_CCACHE)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${EIKONA_CCACHE}")
    message(STATUS "Eikona: compiling through ${EIKONA_CCACHE}")
  endif()
endif()

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

add_library(eikona_common INTERFACE)
add_library(Eikona::common ALIAS eikona_common)
target_compile_features(eikona_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(eikona_common INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual>
  $<$<CXX_COMPILER_ID:MSVC>:/W4 /permissive->)
# libtorch uses the identifier `slots`, which Qt's keyword macros would break. No
# QT_USE_QSTRINGBUILDER: with it `const auto s = a + b` keeps references to temporaries, a
# dangling-reference crash that bit this code base three times for no measurable gain here.
target_compile_definitions(eikona_common INTERFACE
  QT_NO_KEYWORDS
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_STRICT_ITERATORS
  EIKONA_VERSION="${PROJECT_VERSION}")
