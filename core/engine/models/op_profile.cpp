#include "models/op_profile.h"

#include <numeric>

namespace eikona::models {
namespace {

thread_local OpProfile* t_active = nullptr;

} // namespace

std::string_view op_kind_name(OpKind kind)
{
    switch (kind) {
    case OpKind::Convolution:
        return "convolution";
    case OpKind::Linear:
        return "linear";
    case OpKind::Attention:
        return "attention";
    case OpKind::Normalization:
        return "normalization";
    case OpKind::Count:
        break;
    }
    return "?";
}

OpProfile::OpProfile() : m_previous(t_active)
{
    t_active = this;
}

OpProfile::~OpProfile()
{
    t_active = m_previous;
}

OpProfile* OpProfile::active()
{
    return t_active;
}

double OpProfile::total_flops() const
{
    return std::accumulate(m_flops.begin(), m_flops.end(), 0.0);
}

void OpProfile::add(OpKind kind, double flops, double seconds)
{
    m_flops[static_cast<std::size_t>(kind)] += flops;
    m_seconds[static_cast<std::size_t>(kind)] += seconds;
}

} // namespace eikona::models
