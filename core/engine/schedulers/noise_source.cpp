#include "schedulers/noise_source.h"

#include "schedulers/scheduler.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>

#include <string>

namespace eikona::schedulers {

NoiseSource::NoiseSource(std::vector<at::Generator> generators, bool per_image)
    : m_generators(std::move(generators)), m_per_image(per_image)
{
}

NoiseSource NoiseSource::shared(std::uint64_t seed)
{
    return NoiseSource({at::detail::createCPUGenerator(seed)}, false);
}

NoiseSource NoiseSource::per_image(std::uint64_t seed, std::int64_t images)
{
    if (images < 1)
        throw SchedulerError("a per-image noise source needs at least one image");
    std::vector<at::Generator> generators;
    generators.reserve(static_cast<std::size_t>(images));
    for (std::int64_t i = 0; i < images; ++i)
        generators.push_back(at::detail::createCPUGenerator(seed + static_cast<std::uint64_t>(i)));
    return NoiseSource(std::move(generators), true);
}

at::Tensor NoiseSource::randn(at::IntArrayRef shape)
{
    const auto options = at::TensorOptions().dtype(at::kFloat);
    if (!m_per_image)
        return at::randn(shape, m_generators.front(), options);
    if (shape.empty() || shape[0] != images())
        throw SchedulerError("a per-image draw needs a batch of " + std::to_string(images()) + " rows");
    std::vector<at::Tensor> rows;
    rows.reserve(m_generators.size());
    for (auto& generator : m_generators)
        rows.push_back(at::randn(shape.slice(1), generator, options));
    return at::stack(rows);
}

at::Tensor NoiseSource::randn_like(const at::Tensor& like)
{
    return randn(like.sizes()).to(like.device(), like.scalar_type());
}

} // namespace eikona::schedulers
