#pragma once
// Small pictures and their parameters for the gallery tests.

#include "generation_parameters.h"

#include <QColor>
#include <QImage>

namespace eikona::testing {

inline store::GenerationParameters testParameters(const QString& prompt, quint64 seed)
{
    store::GenerationParameters p;
    p.prompt = prompt;
    p.negativePrompt = QStringLiteral("blurry");
    p.steps = 20;
    p.sampler = QStringLiteral("Euler a");
    p.cfgScale = 7;
    p.seed = seed;
    p.width = 512;
    p.height = 512;
    p.model = QStringLiteral("stable-diffusion-v1-5");
    return p;
}

inline QImage testPicture(int seed, QSize size = {16, 24})
{
    QImage image(size, QImage::Format_RGB888);
    image.fill(QColor::fromHsv(seed * 37 % 360, 200, 200));
    return image;
}

} // namespace eikona::testing
