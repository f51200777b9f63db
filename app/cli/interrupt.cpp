#include "cli/interrupt.h"

#include <atomic>
#include <csignal>

namespace eikona::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
    std::signal(SIGINT, SIG_DFL);
}

} // namespace

InterruptGuard::InterruptGuard() : m_previous(std::signal(SIGINT, onInterrupt))
{
}

InterruptGuard::~InterruptGuard()
{
    if (!g_interrupted)
        std::signal(SIGINT, m_previous);
}

bool InterruptGuard::interrupted()
{
    return g_interrupted.load();
}

} // namespace eikona::cli
