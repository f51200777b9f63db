#pragma once
// The words of an error for a person: libtorch's errors (c10::Error) carry a C++ backtrace in
// what(), which is for a debugger, not for an artist's status bar or a terminal.

#include <exception>
#include <string>

namespace eikona {

/// what(), without libtorch's "Exception raised from ..." backtrace where there is one.
std::string exception_text(const std::exception& error);

} // namespace eikona
