#pragma once
// Optional accounting of where a forward pass spends its arithmetic and its time, by kind of
// operation. Off unless an OpProfile is alive on the calling thread; then each convolution,
// linear layer, attention and normalisation adds its FLOPs and seconds. Used by eikona-bench.

#include <array>
#include <chrono>
#include <cstdint>
#include <string_view>

namespace eikona::models {

enum class OpKind { Convolution, Linear, Attention, Normalization, Count };

std::string_view op_kind_name(OpKind kind);

class OpProfile {
  public:
    OpProfile();
    ~OpProfile();
    OpProfile(const OpProfile&) = delete;
    OpProfile& operator=(const OpProfile&) = delete;

    double flops(OpKind kind) const { return m_flops[static_cast<std::size_t>(kind)]; }
    double seconds(OpKind kind) const { return m_seconds[static_cast<std::size_t>(kind)]; }
    double total_flops() const;

    /// The profile collecting on this thread, or nullptr.
    static OpProfile* active();
    void add(OpKind kind, double flops, double seconds);

  private:
    std::array<double, static_cast<std::size_t>(OpKind::Count)> m_flops{};
    std::array<double, static_cast<std::size_t>(OpKind::Count)> m_seconds{};
    OpProfile* m_previous = nullptr;
};

/// Times one operation when a profile is active; free otherwise.
class OpTimer {
  public:
    OpTimer(OpKind kind, double flops) : m_profile(OpProfile::active()), m_kind(kind), m_flops(flops)
    {
        if (m_profile)
            m_start = std::chrono::steady_clock::now();
    }
    ~OpTimer()
    {
        if (m_profile)
            m_profile->add(m_kind, m_flops,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count());
    }
    OpTimer(const OpTimer&) = delete;
    OpTimer& operator=(const OpTimer&) = delete;

  private:
    OpProfile* m_profile;
    OpKind m_kind;
    double m_flops;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace eikona::models
