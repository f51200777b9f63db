#pragma once
// Where a generation's random numbers come from. The reference draws a whole batch from one
// CPU generator; the app draws each image from its own generator seeded seed + i, so any one
// picture of a batch can be made again alone from its seed. Both draw on the CPU in float32
// (like the reference with a CPU generator) and the caller moves the result to its device.

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <c10/util/ArrayRef.h>

#include <cstdint>
#include <vector>

namespace eikona::schedulers {

class NoiseSource {
  public:
    /// One generator seeded `seed` for every draw, whatever the batch.
    static NoiseSource shared(std::uint64_t seed);
    /// `images` generators seeded seed, seed + 1, …; every draw's first dimension is the batch.
    static NoiseSource per_image(std::uint64_t seed, std::int64_t images);

    bool is_per_image() const { return m_per_image; }
    std::int64_t images() const { return static_cast<std::int64_t>(m_generators.size()); }

    /// Standard normal float32 CPU tensor of `shape`. Per image, shape[0] must equal images()
    /// and row i comes from generator i (as the reference draws with a list of generators).
    at::Tensor randn(at::IntArrayRef shape);
    /// randn(like.sizes()) moved to like's device and dtype.
    at::Tensor randn_like(const at::Tensor& like);

  private:
    NoiseSource(std::vector<at::Generator> generators, bool per_image);

    std::vector<at::Generator> m_generators;
    bool m_per_image = false;
};

} // namespace eikona::schedulers
