#pragma once
// Ctrl+C as a polite request: while an InterruptGuard lives, the first Ctrl+C only sets
// interrupted() (the work stops at its next check and keeps what it finished); a second one
// ends the process as usual.

namespace eikona::cli {

class InterruptGuard {
  public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    static bool interrupted();

  private:
    void (*m_previous)(int) = nullptr;
};

} // namespace eikona::cli
