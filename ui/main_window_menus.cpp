// The main window's menu bar: File, Edit, Generate, View, Help with the platform's standard
// shortcuts, and their words in the window's language.

#include "main_window_menus.h"

#include "gallery_view.h"
#include "job_runner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QListView>
#include <QMenuBar>
#include <QTabWidget>
#include <QUrl>

namespace eikona::ui {

void MainWindow::buildMenus()
{
    auto& m = *m_menus;
    m.file = menuBar()->addMenu(QString());
    m.openImage = m.file->addAction(QString(), this, &MainWindow::openInitImage);
    m.openImage->setShortcut(QKeySequence::Open);
    // Text boxes keep Ctrl+V for text: they take the shortcut first.
    m.pasteImage =
        m.file->addAction(QString(), this, [this] { takeImage(QApplication::clipboard()->mimeData()); });
    m.pasteImage->setShortcut(QKeySequence::Paste);
    m.addModel = m.file->addAction(QString(), this, [this] { addModel(false); });
    m.addModelFile = m.file->addAction(QString(), this, [this] { addModel(true); });
    m.openFolder = m.file->addAction(QString(), this, [this] {
        QDir().mkpath(m_settings.outputFolder);
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_settings.outputFolder));
    });
    m.file->addSeparator();
    m.quit = m.file->addAction(QString(), this, &QWidget::close);
    m.quit->setShortcut(QKeySequence::Quit);
    m.quit->setMenuRole(QAction::QuitRole);

    m.edit = menuBar()->addMenu(QString());
    m.preferences = m.edit->addAction(QString(), this, &MainWindow::openPreferences);
    m.preferences->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                    ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                    : QKeySequence::keyBindings(QKeySequence::Preferences));
    m.preferences->setMenuRole(QAction::PreferencesRole);
    m.preferences->setObjectName(QStringLiteral("preferencesAction"));

    m.generate = menuBar()->addMenu(QString());
    m.generateNow = m.generate->addAction(QString(), this, [this] { submit(true); });
    m.generateNow->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m.queue = m.generate->addAction(QString(), this, [this] { submit(false); });
    m.queue->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    m.cancel = m.generate->addAction(QString(), this, [this] {
        if (const auto id = m_runner->runningJob())
            m_runner->cancel(*id);
    });
    m.cancel->setShortcut(QKeySequence(Qt::Key_Escape));

    m.view = menuBar()->addMenu(QString());
    m.showPicture = m.view->addAction(QString(), this, [this] { m_tabs->setCurrentIndex(0); });
    m.showPicture->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m.showGallery = m.view->addAction(QString(), this, [this] {
        m_tabs->setCurrentIndex(1);
        m_galleryView->grid()->setFocus();
    });
    m.showGallery->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m.view->addSeparator();
    m.view->addAction(m_generationDock->toggleViewAction());
    m.view->addAction(m_queueDock->toggleViewAction());
    m.view->addAction(m_detailsDock->toggleViewAction());
    m.view->addSeparator();
    m.resetLayout = m.view->addAction(QString(), this, &MainWindow::resetLayout);

    m.help = menuBar()->addMenu(QString());
    m.shortcuts = m.help->addAction(QString(), this, &MainWindow::showShortcuts);
    m.shortcuts->setShortcut(QKeySequence::HelpContents);
    m.shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    m.about = m.help->addAction(QString(), this, &MainWindow::showAbout);
    m.about->setMenuRole(QAction::AboutRole);
    m.about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::retranslateMenus()
{
    auto& m = *m_menus;
    m.file->setTitle(tr("&File"));
    m.openImage->setText(tr("&Open image…"));
    m.openImage->setToolTip(tr("Start from a picture (img2img)"));
    m.pasteImage->setText(tr("&Paste a picture"));
    m.pasteImage->setToolTip(tr("Start from the picture on the clipboard"));
    m.addModel->setText(tr("&Add a model folder…"));
    m.addModelFile->setText(tr("Add a model &file…"));
    m.openFolder->setText(tr("Open the &pictures folder"));
    m.quit->setText(tr("&Quit"));
    m.edit->setTitle(tr("&Edit"));
    m.preferences->setText(tr("&Preferences…"));
    m.generate->setTitle(tr("&Generate"));
    m.generateNow->setText(tr("&Generate now"));
    m.queue->setText(tr("&Queue"));
    m.cancel->setText(tr("&Cancel the running job"));
    m.view->setTitle(tr("&View"));
    m.resetLayout->setText(tr("&Reset the layout"));
    m.showPicture->setText(tr("The &picture"));
    m.showGallery->setText(tr("The &gallery"));
    m.help->setTitle(tr("&Help"));
    m.shortcuts->setText(tr("&Keyboard shortcuts"));
    m.about->setText(tr("&About Eikona"));
}

} // namespace eikona::ui
