#include "export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>

namespace eikona::ui {

ExportDialog::ExportDialog(int count, QWidget* parent)
    : QDialog(parent), m_target(new QComboBox(this)), m_format(new QComboBox(this)),
      m_strip(new QCheckBox(this)), m_path(new QLineEdit(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export %n picture(s)", nullptr, count));
    m_target->setObjectName(QStringLiteral("exportTarget"));
    m_target->addItem(tr("A folder"), static_cast<int>(store::ExportOptions::Target::Folder));
    m_target->addItem(tr("A ZIP archive"), static_cast<int>(store::ExportOptions::Target::Zip));
    m_target->addItem(tr("An HTML contact sheet"), static_cast<int>(store::ExportOptions::Target::Html));
    m_target->setAccessibleName(tr("Export to"));
    m_target->setToolTip(
        tr("A folder of pictures, one ZIP file, or one web page with every picture and its prompt"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(QStringLiteral("PNG"), static_cast<int>(store::ExportOptions::ImageFormat::Png));
    m_format->addItem(QStringLiteral("JPEG"), static_cast<int>(store::ExportOptions::ImageFormat::Jpeg));
    m_format->addItem(QStringLiteral("WebP"), static_cast<int>(store::ExportOptions::ImageFormat::Webp));
    m_format->setAccessibleName(tr("Picture format"));
    m_format->setToolTip(
        tr("PNG keeps the pictures exactly; JPEG and WebP are smaller (the parameters go into their EXIF)"));
    m_strip->setObjectName(QStringLiteral("exportStrip"));
    m_strip->setText(tr("Leave the prompts and parameters out"));
    m_strip->setAccessibleName(tr("Leave the parameters out"));
    m_strip->setToolTip(tr("For sharing pictures without how they were made"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setAccessibleName(tr("Export to this place"));
    m_path->setMinimumWidth(360);
    auto* browse = new QToolButton(this);
    browse->setText(QStringLiteral("…"));
    browse->setAccessibleName(tr("Choose where"));
    browse->setToolTip(tr("Choose where"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Export to"), m_target);
    form->addRow(tr("Picture format"), m_format);
    form->addRow(QString(), m_strip);
    form->addRow(tr("Where"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ExportDialog::suggestPath);
    suggestPath();
}

void ExportDialog::suggestPath()
{
    auto base = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    const auto target = static_cast<store::ExportOptions::Target>(m_target->currentData().toInt());
    const auto name = target == store::ExportOptions::Target::Zip    ? QStringLiteral("Eikona export.zip")
                      : target == store::ExportOptions::Target::Html ? QStringLiteral("Eikona export.html")
                                                                     : QStringLiteral("Eikona export");
    m_path->setText(QDir(base).filePath(name));
    m_format->setEnabled(target != store::ExportOptions::Target::Html);
}

void ExportDialog::browse()
{
    const auto target = static_cast<store::ExportOptions::Target>(m_target->currentData().toInt());
    const auto chosen =
        target == store::ExportOptions::Target::Folder
            ? QFileDialog::getExistingDirectory(this, tr("Export to this folder"), m_path->text())
            : QFileDialog::getSaveFileName(this, tr("Export as"), m_path->text());
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

store::ExportOptions ExportDialog::options() const
{
    store::ExportOptions options;
    options.target = static_cast<store::ExportOptions::Target>(m_target->currentData().toInt());
    options.imageFormat = static_cast<store::ExportOptions::ImageFormat>(m_format->currentData().toInt());
    options.stripMetadata = m_strip->isChecked();
    options.out = m_path->text().trimmed();
    return options;
}

} // namespace eikona::ui
