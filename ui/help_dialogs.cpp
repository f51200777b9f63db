#include "help_dialogs.h"

#include <QMessageBox>

namespace eikona::ui {

void HelpDialogs::showShortcuts(QWidget* parent)
{
    QMessageBox::information(
        parent, tr("Keyboard shortcuts"),
        tr("<table cellspacing='6'>"
           "<tr><td><b>Ctrl+Enter</b></td><td>Generate now</td></tr>"
           "<tr><td><b>Ctrl+Shift+Enter</b></td><td>Add to the queue</td></tr>"
           "<tr><td><b>Esc</b></td><td>Cancel the running job</td></tr>"
           "<tr><td><b>Ctrl+Up / Ctrl+Down</b></td><td>More or less weight for the selected words</td></tr>"
           "<tr><td><b>Ctrl+O</b></td><td>Start from a picture</td></tr>"
           "<tr><td><b>Ctrl+V</b></td><td>Start from the picture on the clipboard (or drop one on the "
           "canvas)</td></tr>"
           "<tr><td><b>Ctrl+1 / Ctrl+2</b></td><td>The picture / the gallery</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>Search the gallery</td></tr>"
           "<tr><td><b>Enter, Space / Delete / F</b></td><td>In the gallery: open / move to the trash "
           "(Ctrl+Z undoes) / favourite</td></tr>"
           "<tr><td><b>Ctrl+,</b></td><td>Preferences</td></tr>"
           "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr>"
           "<tr><td><b>Wheel, + / −, double-click</b></td><td>Zoom the canvas, fit it</td></tr>"
           "</table>"));
}

void HelpDialogs::showAbout(QWidget* parent, const QString& computeDescription)
{
    QMessageBox::about(
        parent, tr("About Eikona"),
        tr("<h3>Eikona %1</h3><p>Stable Diffusion 1.5 on your own computer.</p>"
           "<p>Engine: Eikona's own C++ implementation on libtorch, numerically the same as diffusers "
           "for the same seed and parameters.</p><p>%2</p>")
            .arg(QStringLiteral(EIKONA_VERSION), computeDescription));
}

} // namespace eikona::ui
