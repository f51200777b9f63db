#pragma once
// Where and how to export pictures: a folder (PNG, JPEG or WebP), a ZIP archive or an HTML
// contact sheet, with the parameters kept unless asked otherwise.

#include "gallery_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace eikona::ui {

class ExportDialog final : public QDialog {
    Q_OBJECT

  public:
    /// `count`: how many pictures go (said in the title).
    ExportDialog(int count, QWidget* parent = nullptr);
    store::ExportOptions options() const;

  private:
    void browse();
    void suggestPath();

    QComboBox* m_target;
    QComboBox* m_format;
    QCheckBox* m_strip;
    QLineEdit* m_path;
};

} // namespace eikona::ui
