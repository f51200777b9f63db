#pragma once
// Whether a JSON value converts to a C++ type exactly. nlohmann's get<T>() converts a float or
// an out-of-range integer into an integral type with undefined behaviour (found by fuzzing the
// model configs): every config reader asks this first.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

namespace eikona::io {

template <typename T> bool json_holds(const nlohmann::json& value)
{
    if constexpr (std::is_same_v<T, bool>) {
        return value.is_boolean();
    } else if constexpr (std::is_integral_v<T>) {
        if (value.is_number_unsigned())
            return value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max());
        return value.is_number_integer() &&
               value.get<std::int64_t>() >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
               value.get<std::int64_t>() <= static_cast<std::int64_t>(std::numeric_limits<T>::max());
    } else if constexpr (std::is_floating_point_v<T>) {
        return value.is_number();
    } else if constexpr (std::is_same_v<T, std::string>) {
        return value.is_string();
    } else {
        return value.is_array() && std::all_of(value.begin(), value.end(), [](const nlohmann::json& item) {
                   return json_holds<typename T::value_type>(item);
               });
    }
}

} // namespace eikona::io
