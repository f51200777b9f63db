#pragma once
// Keeps full-size live previews to a share of a run's time. A TAESD preview of a 512x512
// picture costs about 0.5 s on a laptop CPU, a tenth of a step: decoded every step it would
// slow every picture by a tenth. The pacer lets one through whenever the time previews have
// taken, this one included, stays within the share of the run so far; on a GPU, where a
// preview costs next to nothing, that is every step.

namespace eikona::backend {

class PreviewPacer {
  public:
    explicit PreviewPacer(double share = 0.03) : m_share(share) {}

    /// Whether a preview fits now, `runSeconds` into the run (its previews included). The
    /// first always does: the artist sees the picture as early as possible.
    bool allows(double runSeconds) const
    {
        return m_count == 0 || m_spent + m_lastCost <= m_share * runSeconds;
    }

    /// A preview took `seconds`; the next is expected to cost the same.
    void spent(double seconds)
    {
        m_spent += seconds;
        m_lastCost = seconds;
        ++m_count;
    }

    double secondsSpent() const { return m_spent; }

  private:
    double m_share;
    double m_spent = 0;
    double m_lastCost = 0;
    int m_count = 0;
};

} // namespace eikona::backend
