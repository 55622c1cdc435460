// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/Area.h"

#include <QSize>
#include <QString>

#include <optional>

class QCoreApplication;

// Command-line options of the GUI executable. Parsing lives in app/ because it only
// decides how the window starts; everything a user does in it lives in core and ui.
struct GuiOptions
{
    QString screenshotPath;
    QString clusterPath; // --cluster FILE; empty: the default cluster file
    std::optional<SlurmDeck::Ui::Area> area;
    QSize windowSize{1280, 800};
    bool sizeGiven = false;   // --size: use it, not the remembered layout
    bool sandbox = false;     // --sandbox: bring the sandbox cluster up, then open it
    bool sandboxDown = false; // --sandbox-down: remove it
};

// Parses the arguments; on --help/--version or a usage error it prints and returns
// the exit code to use instead of options.
[[nodiscard]] std::optional<int> parseGuiOptions(const QCoreApplication &app, GuiOptions &options);
