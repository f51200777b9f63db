#pragma once
// Precompiled for every core/engine translation unit: the torch and standard headers almost
// all of them include. Never included by hand.
#include <ATen/core/Tensor.h>
#include <ATen/Functions.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
