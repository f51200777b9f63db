#include "models/winograd_convolution.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#if EIKONA_HAVE_ONEDNN
#include "models/onednn_context.h"
#endif

namespace eikona::models {

#if EIKONA_HAVE_ONEDNN

namespace {

using Dims = dnnl::memory::dims;
using DataType = dnnl::memory::data_type;

constexpr std::size_t k_alignment = 4096;

// Transformed kernels kept per convolution: two image sizes (or the UNet's and a band's).
constexpr std::size_t k_kept_layouts = 2;

std::size_t aligned(std::size_t bytes)
{
    return (bytes + k_alignment - 1) / k_alignment * k_alignment;
}

// Strides of the whole [images, channels, height, width] tensor in the layout: a band of rows
// is a view of it with these strides.
Dims strides_of(std::int64_t channels, std::int64_t height, std::int64_t width,
                WinogradConvolution::Layout layout)
{
    if (layout == WinogradConvolution::Layout::Planar)
        return {channels * height * width, height * width, width, 1};
    return {height * width * channels, 1, width * channels, channels};
}

// Where row `row` of image `image` starts, in elements.
std::int64_t offset_of(std::int64_t image, std::int64_t row, std::int64_t channels, std::int64_t height,
                       std::int64_t width, WinogradConvolution::Layout layout)
{
    const auto row_step = layout == WinogradConvolution::Layout::Planar ? width : width * channels;
    return image * channels * height * width + row * row_step;
}

} // namespace

struct WinogradConvolution::State {
    // The shape of one band's convolution: `in_rows` rows of `images` images (of a problem
    // `height` rows high, which sets the strides) making `rows` rows, zero rows added above and
    // below only at the image's edges.
    struct BandKey {
        std::int64_t images, in_rows, rows, pad_top, pad_bottom, height, width;
        Layout layout;
        bool bias;
        bool operator<(const BandKey& other) const
        {
            return std::tie(images, in_rows, rows, pad_top, pad_bottom, height, width, layout, bias) <
                   std::tie(other.images, other.in_rows, other.rows, other.pad_top, other.pad_bottom,
                            other.height, other.width, other.layout, other.bias);
        }
    };
    struct BandPrimitives {
        dnnl::convolution_forward::primitive_desc description;
        dnnl::convolution_forward convolution;
        dnnl::memory::desc user_source, user_destination;
        dnnl::reorder source_in, destination_out;
        std::size_t work_bytes; // scratchpad + blocked source + blocked destination
    };
    struct Band {
        std::int64_t image, images, in_row0, row0;
        BandKey key;
    };
    struct Plan {
        std::vector<Band> bands;
        std::size_t work_bytes = 0;
    };
    using ProblemKey = std::tuple<std::int64_t, std::int64_t, std::int64_t, Layout>;

    std::int64_t in;
    std::int64_t out;
    std::mutex mutex;
    std::map<BandKey, std::optional<BandPrimitives>> primitives; // nullopt: oneDNN has none
    std::map<std::pair<ProblemKey, bool>, std::optional<Plan>> plans;
    // Transformed kernels, kept; oneDNN may block them differently for different problems.
    std::vector<std::pair<dnnl::memory::desc, dnnl::memory>> weights;

    const BandPrimitives* primitives_for(const BandKey& key)
    {
        if (const auto found = primitives.find(key); found != primitives.end())
            return found->second ? &*found->second : nullptr;
        auto& slot = primitives[key];
        const auto any = dnnl::memory::format_tag::any;
        const dnnl::memory::desc source({key.images, in, key.in_rows, key.width}, DataType::f32, any);
        const dnnl::memory::desc any_weights({out, in, 3, 3}, DataType::f32, any);
        const dnnl::memory::desc destination({key.images, out, key.rows, key.width}, DataType::f32, any);
        const dnnl::memory::desc bias({out}, DataType::f32, dnnl::memory::format_tag::a);
        const Dims padding_before{key.pad_top, 1}, padding_after{key.pad_bottom, 1};
        const auto algorithm = dnnl::algorithm::convolution_winograd;
        const auto inference = dnnl::prop_kind::forward_inference;
        try {
            const auto descriptor =
                key.bias
                    ? dnnl::convolution_forward::desc(inference, algorithm, source, any_weights, bias,
                                                      destination, {1, 1}, padding_before, padding_after)
                    : dnnl::convolution_forward::desc(inference, algorithm, source, any_weights, destination,
                                                      {1, 1}, padding_before, padding_after);
            dnnl::primitive_attr attributes;
            attributes.set_scratchpad_mode(dnnl::scratchpad_mode::user);
            dnnl::convolution_forward::primitive_desc description(descriptor, attributes,
                                                                  onednn_cpu_engine());
            const dnnl::memory::desc user_source({key.images, in, key.in_rows, key.width}, DataType::f32,
                                                 strides_of(in, key.height, key.width, key.layout));
            const dnnl::memory::desc user_destination({key.images, out, key.rows, key.width}, DataType::f32,
                                                      strides_of(out, key.height, key.width, key.layout));
            const auto& engine = onednn_cpu_engine();
            dnnl::reorder source_in(
                dnnl::reorder::primitive_desc(engine, user_source, engine, description.src_desc()));
            dnnl::reorder destination_out(
                dnnl::reorder::primitive_desc(engine, description.dst_desc(), engine, user_destination));
            const auto work = aligned(description.scratchpad_desc().get_size()) +
                              aligned(description.src_desc().get_size()) +
                              aligned(description.dst_desc().get_size());
            slot = BandPrimitives{description, dnnl::convolution_forward(description),
                                  user_source, user_destination,
                                  source_in,   destination_out,
                                  work};
        } catch (const dnnl::error&) {
            return nullptr; // no Winograd kernel for this shape or CPU
        }
        return &*slot;
    }

    const Plan* plan_for(const Problem& problem)
    {
        const auto bias = problem.bias;
        const std::pair key{ProblemKey{problem.images, problem.height, problem.width, problem.layout}, bias};
        if (const auto found = plans.find(key); found != plans.end())
            return found->second ? &*found->second : nullptr;
        auto& slot = plans[key];
        const auto height = problem.height;
        const auto band_key = [&](std::int64_t images, std::int64_t row0, std::int64_t rows) {
            const auto in_row0 = std::max<std::int64_t>(0, row0 - 1);
            const auto in_row1 = std::min(height, row0 + rows + 1);
            return BandKey{images,
                           in_row1 - in_row0,
                           rows,
                           row0 == 0 ? 1 : 0,
                           row0 + rows == height ? 1 : 0,
                           height,
                           problem.width,
                           problem.layout,
                           bias};
        };
        const auto* whole = primitives_for(band_key(problem.images, 0, height));
        if (!whole)
            return nullptr;
        Plan plan;
        if (whole->work_bytes <= band_budget) {
            plan.bands.push_back({0, problem.images, 0, 0, band_key(problem.images, 0, height)});
            plan.work_bytes = whole->work_bytes;
        } else {
            // Bands of a multiple of 4 rows (the transform's tile height) within each image, all
            // alike where the height allows, so that they share one transformed kernel.
            const auto per_image = whole->work_bytes / static_cast<std::size_t>(problem.images);
            const auto fraction = static_cast<double>(band_budget) / static_cast<double>(per_image);
            auto most = std::max<std::int64_t>(4, static_cast<std::int64_t>(fraction * height) / 4 * 4);
            std::int64_t rows = 4;
            for (; most >= 4; most -= 4) {
                rows = most;
                while (rows > 4 && height % rows != 0)
                    rows -= 4;
                if (height % rows != 0)
                    rows = most;
                // A middle band has the most input rows; its fixed costs may take it over.
                const auto* middle = primitives_for(band_key(1, std::min(rows, height - rows), rows));
                if (!middle)
                    return nullptr;
                if (middle->work_bytes <= band_budget)
                    break;
            }
            for (std::int64_t image = 0; image < problem.images; ++image)
                for (std::int64_t row0 = 0; row0 < height; row0 += rows) {
                    const auto part = band_key(1, row0, std::min(rows, height - row0));
                    const auto* band = primitives_for(part);
                    if (!band)
                        return nullptr;
                    plan.bands.push_back({image, 1, std::max<std::int64_t>(0, row0 - 1), row0, part});
                    plan.work_bytes = std::max(plan.work_bytes, band->work_bytes);
                }
        }
        slot = std::move(plan);
        return &*slot;
    }

    // The transformed kernel in the layout `wanted`, made from the plain one unless kept.
    const dnnl::memory& weights_for(const dnnl::memory::desc& wanted, const PlainWeight& plain,
                                    bool& transformed)
    {
        for (const auto& [layout, memory] : weights)
            if (layout == wanted)
                return memory;
        if (weights.size() >= k_kept_layouts) // these are the largest kernels there are
            weights.erase(weights.begin());
        const auto& engine = onednn_cpu_engine();
        dnnl::memory packed(wanted, engine);
        dnnl::memory source(
            dnnl::memory::desc({out, in, 3, 3}, DataType::f32, dnnl::memory::format_tag::oihw), engine,
            const_cast<float*>(plain()));
        dnnl::reorder(source, packed).execute(onednn_cpu_stream(), source, packed);
        onednn_cpu_stream().wait();
        transformed = true;
        weights.emplace_back(wanted, packed);
        return weights.back().second;
    }
};

WinogradConvolution::WinogradConvolution(std::int64_t in_channels, std::int64_t out_channels)
    : m_state(new State{in_channels, out_channels, {}, {}, {}, {}})
{
}

WinogradConvolution::~WinogradConvolution() = default;

bool WinogradConvolution::supports(const Problem& problem)
{
    const std::lock_guard lock(m_state->mutex);
    return m_state->plan_for(problem) != nullptr;
}

std::size_t WinogradConvolution::working_bytes(const Problem& problem)
{
    const std::lock_guard lock(m_state->mutex);
    const auto* plan = m_state->plan_for(problem);
    if (!plan)
        throw std::logic_error("no Winograd convolution for this problem");
    return plan->work_bytes;
}

bool WinogradConvolution::run(const Problem& problem, const float* x, float* y, const float* bias, void* work,
                              const PlainWeight& plain)
{
    auto& state = *m_state;
    const std::lock_guard lock(state.mutex);
    const auto* plan = state.plan_for(problem);
    if (!plan || problem.bias != (bias != nullptr))
        throw std::logic_error("no Winograd convolution for this problem");
    const auto& engine = onednn_cpu_engine();
    auto& stream = onednn_cpu_stream();
    bool transformed = false;
    auto* bytes = static_cast<char*>(work);
    for (const auto& band : plan->bands) {
        const auto& primitives = *state.primitives.at(band.key);
        const auto& description = primitives.description;
        const auto& weights = state.weights_for(description.weights_desc(), plain, transformed);
        const auto scratch_bytes = aligned(description.scratchpad_desc().get_size());
        const auto source_bytes = aligned(description.src_desc().get_size());
        dnnl::memory scratch(description.scratchpad_desc(), engine, bytes);
        dnnl::memory blocked_source(description.src_desc(), engine, bytes + scratch_bytes);
        dnnl::memory blocked_destination(description.dst_desc(), engine,
                                         bytes + scratch_bytes + source_bytes);
        const auto& key = band.key;
        dnnl::memory user_source(primitives.user_source, engine,
                                 const_cast<float*>(x) + offset_of(band.image, band.in_row0, state.in,
                                                                   key.height, key.width, key.layout));
        dnnl::memory user_destination(
            primitives.user_destination, engine,
            y + offset_of(band.image, band.row0, state.out, key.height, key.width, key.layout));
        primitives.source_in.execute(stream, user_source, blocked_source);
        std::unordered_map<int, dnnl::memory> arguments{{DNNL_ARG_SRC, blocked_source},
                                                        {DNNL_ARG_WEIGHTS, weights},
                                                        {DNNL_ARG_DST, blocked_destination},
                                                        {DNNL_ARG_SCRATCHPAD, scratch}};
        if (bias)
            arguments.emplace(DNNL_ARG_BIAS,
                              dnnl::memory(description.bias_desc(), engine, const_cast<float*>(bias)));
        primitives.convolution.execute(stream, arguments);
        primitives.destination_out.execute(stream, blocked_destination, user_destination);
    }
    stream.wait();
    return transformed;
}

void WinogradConvolution::release_weights()
{
    const std::lock_guard lock(m_state->mutex);
    m_state->weights.clear();
}

bool WinogradConvolution::available()
{
    return true;
}

#else

struct WinogradConvolution::State {};

WinogradConvolution::WinogradConvolution(std::int64_t, std::int64_t)
{
}

WinogradConvolution::~WinogradConvolution() = default;

bool WinogradConvolution::supports(const Problem&)
{
    return false;
}

std::size_t WinogradConvolution::working_bytes(const Problem&)
{
    throw std::logic_error("this build of Eikona has no oneDNN");
}

bool WinogradConvolution::run(const Problem&, const float*, float*, const float*, void*, const PlainWeight&,
                              bool)
{
    throw std::logic_error("this build of Eikona has no oneDNN");
}

void WinogradConvolution::release_weights()
{
}

bool WinogradConvolution::available()
{
    return false;
}

#endif

} // namespace eikona::models
