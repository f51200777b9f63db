#pragma once
// Help ▸ Keyboard shortcuts and Help ▸ About Eikona.

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace eikona::ui {

class HelpDialogs {
    Q_DECLARE_TR_FUNCTIONS(HelpDialogs)

  public:
    static void showShortcuts(QWidget* parent);
    /// Names the engine and where it computes ("CPU, fp32, 2 threads").
    static void showAbout(QWidget* parent, const QString& computeDescription);
};

} // namespace eikona::ui
