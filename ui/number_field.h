#pragma once
// A number as a slider paired with a spin box, kept in step; optionally only multiples of a
// step (sizes: multiples of 8), which the spin box refuses while typing and rounds on leaving.

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace eikona::ui {

class NumberField final : public QWidget {
    Q_OBJECT

  public:
    /// `decimals` 0 for whole numbers; `multipleOf` > 0 allows only its multiples.
    NumberField(double minimum, double maximum, double step, int decimals, double multipleOf = 0,
                QWidget* parent = nullptr);

    double value() const;
    int intValue() const;
    void setValue(double value);
    QDoubleSpinBox* spinBox() const;
    QSlider* slider() const;
    /// Names both halves for assistive technology and gives them the tooltip.
    void describe(const QString& name, const QString& tooltip);

  Q_SIGNALS:
    void valueChanged(double value);

  private:
    QDoubleSpinBox* m_spin;
    QSlider* m_slider;
    double m_step;
};

} // namespace eikona::ui
