#pragma once
// What a failed job's kind means for the artist, in the window's language; the engine's own
// English words stay one click away (the error bar's Details).

#include "generation_types.h"

#include <QCoreApplication>
#include <QString>

namespace eikona::ui {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

  public:
    static QString describe(backend::ErrorKind kind);
};

} // namespace eikona::ui
