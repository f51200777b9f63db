#pragma once
// 3x3 convolutions (stride 1, padding 1) in fp32 on the CPU by oneDNN's Winograd F(4x4, 3x3)
// kernel: 36 products for each 4x4 tile of outputs where the direct method does 144. Measured
// on SD 1.5's shapes on this 2-core machine: 2.0-2.8x the direct convolution at the UNet's
// 64x64 and 32x32 levels, 2.2-3x at the VAE's upper levels. The price: the transformed kernel
// is 4x the plain one and slow to make (oneDNN transforms at about 50-200 MB/s), so it is made
// once and kept, and its output differs from the direct method's by about 3e-6 of the
// output's range (the direct one's own rounding: 1e-7). Torch-free and oneDNN-free in its
// interface; built only where the oneDNN library was found (`available()` says).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace eikona::models {

class WinogradConvolution {
  public:
    enum class Layout { Planar, ChannelsLast }; ///< NCHW or NHWC, for both x and y
    /// The plain kernel, [out][in][3][3] fp32: asked for when a transformed copy is needed.
    using PlainWeight = std::function<const float*()>;

    struct Problem {
        std::int64_t images = 1;
        std::int64_t height = 0;
        std::int64_t width = 0;
        Layout layout = Layout::Planar;
        bool bias = true; ///< whether run() is given one
    };

    WinogradConvolution(std::int64_t in_channels, std::int64_t out_channels);
    ~WinogradConvolution();
    WinogradConvolution(const WinogradConvolution&) = delete;
    WinogradConvolution& operator=(const WinogradConvolution&) = delete;

    /// Whether oneDNN has a Winograd kernel for this problem (it needs 16-multiple channels and
    /// an AVX-512 CPU). The answer is kept.
    bool supports(const Problem& problem);

    /// Bytes of working memory `run` needs for this problem: oneDNN's transformed tiles and
    /// the blocked copies of x and y, for at most `band_budget` bytes of rows at a time (a
    /// large image is cut into bands of rows, each with its one-row borders). Needs supports().
    std::size_t working_bytes(const Problem& problem);

    /// y = conv3x3(x) + bias. x and y contiguous in the problem's layout; bias [out] (null when
    /// the problem has none); `work`: working_bytes(problem) bytes. The transformed kernel is
    /// made from `plain` on the first call and kept (4x the plain kernel's memory); a problem
    /// wanting another layout of it makes it again. True when this call transformed the kernel.
    bool run(const Problem& problem, const float* x, float* y, const float* bias, void* work,
             const PlainWeight& plain);

    /// Frees the transformed kernel; the next call makes it again.
    void release_weights();

    /// Bytes of rows (with their transformed tiles) a band may take: large images are cut
    /// into bands so the working memory stays near this.
    static constexpr std::size_t band_budget = std::size_t{64} << 20;

    /// Whether this build has oneDNN.
    static bool available();

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace eikona::models
