#pragma once
// Everything that describes the next picture: the prompt boxes, the parameters (each number a
// slider with a spin box), the sampler, the seed, the model, the init image — and the
// Generate / Queue / Cancel buttons. Reads back into a GenerationJob, fills from a picture's
// parameters, and keeps every value across restarts.

#include "generation_job.h"
#include "generation_parameters.h"
#include "render_servers.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QToolButton;

namespace eikona::backend {
class PromptTokenCounter;
}

namespace eikona::ui {

class NumberField;
class PromptEdit;
class RenderTargetField;

class GenerationPanel final : public QWidget {
    Q_OBJECT

  public:
    explicit GenerationPanel(QWidget* parent = nullptr);

    /// The job the controls describe; its seed is the seed field's, see seed().
    backend::GenerationJob job() const;
    /// nullopt when the seed field says random (-1).
    std::optional<quint64> seed() const;
    void setSeed(std::optional<quint64> seed);
    void setLastSeed(quint64 seed);

    /// "Use these parameters": prompt, negative prompt, steps, sampler, CFG, seed, size, strength.
    void applyParameters(const store::GenerationParameters& parameters);
    /// A waiting job edited back into the controls.
    void applyJob(const backend::GenerationJob& job);

    void setModels(const QStringList& names);
    QString model() const;
    void selectModel(const QString& name);
    /// `size`: the picture's own; with "Use its size" on, the job takes it (rounded to 8).
    void setInitImage(const QString& path, const QImage& thumbnail, const QSize& size = {});
    QString initImage() const;

    /// The render servers the Render on field offers beside this computer.
    void setServers(const QList<backend::RenderServer>& servers);
    RenderTargetField* targetField() const;

    void setRunning(bool running);
    /// Whether TAESD is here: the Draft option needs it (off and disabled without).
    void setDraftAvailable(bool available);
    void saveState(QSettings& settings) const;
    void restoreState(const QSettings& settings);

    PromptEdit* promptEdit() const;
    PromptEdit* negativePromptEdit() const;

  Q_SIGNALS:
    void changed();
    void generateRequested();
    void queueRequested();
    void cancelRequested();
    void openImageRequested();
    /// Another computer or server chosen to render on ("" for this computer).
    void targetChanged(const QString& url);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void fillSamplers();
    void applyPreset(int index);
    void updateDraft();

    PromptEdit* m_prompt;
    PromptEdit* m_negative;
    QLabel* m_promptLabel;
    QLabel* m_negativeLabel;
    QComboBox* m_model;
    QComboBox* m_sampler;
    NumberField* m_steps;
    NumberField* m_cfg;
    NumberField* m_width;
    NumberField* m_height;
    QComboBox* m_sizePresets;
    QToolButton* m_swap;
    NumberField* m_strength;
    QCheckBox* m_takeSize;
    QCheckBox* m_draft;
    NumberField* m_batchSize;
    NumberField* m_batchCount;
    QLineEdit* m_seed;
    QToolButton* m_randomSeed;
    QToolButton* m_reuseSeed;
    QLabel* m_initThumbnail;
    QLabel* m_initName;
    QToolButton* m_openInit;
    QToolButton* m_clearInit;
    QLabel* m_targetLabel;
    RenderTargetField* m_target;
    bool m_draftAvailable = false;
    QPushButton* m_generate;
    QPushButton* m_queue;
    QPushButton* m_cancel;
    QList<QPair<QLabel*, const char*>> m_labels; ///< form labels and their untranslated text
    QString m_initPath;
    QString m_wantedModel; ///< a job's model, chosen when its list arrives
    std::optional<quint64> m_lastSeed;
};

} // namespace eikona::ui
