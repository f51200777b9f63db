#include "models/onednn_matmul.h"

#include <map>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#if EIKONA_HAVE_ONEDNN
#include "models/onednn_context.h"
#endif

namespace eikona::models {

#if EIKONA_HAVE_ONEDNN

namespace {

using Tag = dnnl::memory::format_tag;
using DataType = dnnl::memory::data_type;

} // namespace

struct PackedMatmul::State {
    struct Shape {
        dnnl::matmul primitive;
        std::shared_ptr<dnnl::memory> weights; // packed; shared by the row counts whose layout agrees
    };

    const void* bias;
    std::int64_t in;
    std::int64_t out;
    DataType type;
    std::mutex mutex;
    std::map<std::int64_t, Shape> shapes; // by number of rows

    Shape& shape_for(std::int64_t rows, const PlainWeight& plain, bool& packed)
    {
        packed = false;
        const std::lock_guard lock(mutex);
        if (const auto found = shapes.find(rows); found != shapes.end())
            return found->second;
        const dnnl::memory::desc source({rows, in}, type, Tag::ab);
        const dnnl::memory::desc any_weights({in, out}, type, Tag::any);
        const dnnl::memory::desc destination({rows, out}, type, Tag::ab);
        const auto descriptor =
            bias ? dnnl::matmul::desc(source, any_weights, dnnl::memory::desc({1, out}, type, Tag::ab),
                                      destination)
                 : dnnl::matmul::desc(source, any_weights, destination);
        const dnnl::matmul::primitive_desc primitive(descriptor, onednn_cpu_engine());
        Shape shape{dnnl::matmul(primitive), nullptr};
        for (const auto& [other_rows, other] : shapes)
            if (other.weights->get_desc() == primitive.weights_desc())
                shape.weights = other.weights;
        if (!shape.weights) {
            shape.weights = std::make_shared<dnnl::memory>(primitive.weights_desc(), onednn_cpu_engine());
            if (shapes.empty()) {
                // W is [out][in] row-major, i.e. the [in][out] matrix matmul wants, stored "ba".
                dnnl::memory weight(dnnl::memory::desc({in, out}, type, Tag::ba), onednn_cpu_engine(),
                                    const_cast<void*>(plain()));
                dnnl::reorder(weight, *shape.weights).execute(onednn_cpu_stream(), weight, *shape.weights);
                packed = true;
            } else {
                // Another layout from the packed copy: the plain weight may be long gone.
                auto& from = *shapes.begin()->second.weights;
                dnnl::reorder(from, *shape.weights).execute(onednn_cpu_stream(), from, *shape.weights);
            }
            onednn_cpu_stream().wait();
        }
        return shapes.emplace(rows, std::move(shape)).first->second;
    }
};

PackedMatmul::PackedMatmul(const void* bias, std::int64_t in, std::int64_t out, Precision precision)
    : m_state(new State{bias, in, out, precision == Precision::BF16 ? DataType::bf16 : DataType::f32, {}, {}})
{
}

PackedMatmul::~PackedMatmul() = default;

bool PackedMatmul::run(const void* x, void* y, std::int64_t rows, const PlainWeight& plain)
{
    bool packed = false;
    auto& shape = m_state->shape_for(rows, plain, packed);
    auto& engine = onednn_cpu_engine();
    const auto type = m_state->type;
    dnnl::memory source(dnnl::memory::desc({rows, m_state->in}, type, Tag::ab), engine, const_cast<void*>(x));
    dnnl::memory destination(dnnl::memory::desc({rows, m_state->out}, type, Tag::ab), engine, y);
    std::unordered_map<int, dnnl::memory> arguments{
        {DNNL_ARG_SRC, source}, {DNNL_ARG_WEIGHTS, *shape.weights}, {DNNL_ARG_DST, destination}};
    if (m_state->bias)
        arguments.emplace(DNNL_ARG_BIAS, dnnl::memory(dnnl::memory::desc({1, m_state->out}, type, Tag::ab),
                                                      engine, const_cast<void*>(m_state->bias)));
    shape.primitive.execute(onednn_cpu_stream(), arguments);
    onednn_cpu_stream().wait();
    return packed;
}

bool PackedMatmul::available()
{
    return true;
}

#else

struct PackedMatmul::State {};

PackedMatmul::PackedMatmul(const void*, std::int64_t, std::int64_t, Precision)
{
    throw std::logic_error("this build of Eikona has no oneDNN matmul");
}

PackedMatmul::~PackedMatmul() = default;

bool PackedMatmul::run(const void*, void*, std::int64_t, const PlainWeight&)
{
    throw std::logic_error("this build of Eikona has no oneDNN matmul");
}

bool PackedMatmul::available()
{
    return false;
}

#endif

} // namespace eikona::models
