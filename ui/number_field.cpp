#include "number_field.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSlider>

#include <cmath>

namespace eikona::ui {

namespace {

// Accepts only multiples of `multipleOf` as final values; rounds to the nearest on focus out.
class MultipleSpinBox final : public QDoubleSpinBox {
  public:
    MultipleSpinBox(double multipleOf, QWidget* parent) : QDoubleSpinBox(parent), m_multipleOf(multipleOf) {}

    QValidator::State validate(QString& text, int& position) const override
    {
        const auto state = QDoubleSpinBox::validate(text, position);
        if (state != QValidator::Acceptable || m_multipleOf <= 0)
            return state;
        const double number = valueFromText(text);
        return std::fmod(number, m_multipleOf) == 0 ? QValidator::Acceptable : QValidator::Intermediate;
    }

    void fixup(QString& text) const override
    {
        if (m_multipleOf > 0) {
            const double rounded = std::clamp(std::round(valueFromText(text) / m_multipleOf) * m_multipleOf,
                                              minimum(), maximum());
            text = textFromValue(rounded);
            return;
        }
        QDoubleSpinBox::fixup(text);
    }

  private:
    double m_multipleOf;
};

} // namespace

NumberField::NumberField(double minimum, double maximum, double step, int decimals, double multipleOf,
                         QWidget* parent)
    : QWidget(parent), m_spin(new MultipleSpinBox(multipleOf, this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_step(step)
{
    m_spin->setRange(minimum, maximum);
    m_spin->setDecimals(decimals);
    m_spin->setSingleStep(step);
    m_spin->setKeyboardTracking(false);
    m_spin->setAlignment(Qt::AlignRight);
    // One width for every field, so they line up; enough for "2048" or "0.75", and no wider:
    // the panel must fit small screens.
    m_spin->setFixedWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 36);
    m_slider->setRange(0, static_cast<int>(std::lround((maximum - minimum) / step)));
    m_slider->setPageStep(std::max(1, m_slider->maximum() / 10));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);
    setFocusProxy(m_spin);
    connect(m_slider, &QSlider::valueChanged, this,
            [this](int position) { m_spin->setValue(m_spin->minimum() + position * m_step); });
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double number) {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(static_cast<int>(std::lround((number - m_spin->minimum()) / m_step)));
        Q_EMIT valueChanged(number);
    });
}

double NumberField::value() const
{
    return m_spin->value();
}

int NumberField::intValue() const
{
    return static_cast<int>(std::lround(m_spin->value()));
}

void NumberField::setValue(double value)
{
    m_spin->setValue(value);
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(static_cast<int>(std::lround((m_spin->value() - m_spin->minimum()) / m_step)));
}

QDoubleSpinBox* NumberField::spinBox() const
{
    return m_spin;
}

QSlider* NumberField::slider() const
{
    return m_slider;
}

void NumberField::describe(const QString& name, const QString& tooltip)
{
    m_spin->setAccessibleName(name);
    m_slider->setAccessibleName(name);
    m_spin->setToolTip(tooltip);
    m_slider->setToolTip(tooltip);
}

} // namespace eikona::ui
