#pragma once
// The main window's menus (private to main_window*.cpp): the actions, kept to retranslate them.

#include "main_window.h"

class QAction;
class QMenu;

namespace eikona::ui {

struct MainWindow::MenuTexts {
    QMenu* file = nullptr;
    QMenu* edit = nullptr;
    QMenu* generate = nullptr;
    QMenu* view = nullptr;
    QMenu* help = nullptr;
    QAction* openImage = nullptr;
    QAction* pasteImage = nullptr;
    QAction* addModel = nullptr;
    QAction* addModelFile = nullptr;
    QAction* openFolder = nullptr;
    QAction* quit = nullptr;
    QAction* preferences = nullptr;
    QAction* generateNow = nullptr;
    QAction* queue = nullptr;
    QAction* cancel = nullptr;
    QAction* resetLayout = nullptr;
    QAction* showPicture = nullptr;
    QAction* showGallery = nullptr;
    QAction* shortcuts = nullptr;
    QAction* about = nullptr;
};

} // namespace eikona::ui
