// slurmdeck-icon-renderer: a build-time tool. Renders the SVG icon to square PNGs for the
// hicolor icon theme. Usage: slurmdeck-icon-renderer SVG OUTDIR SIZE...
// Writes OUTDIR/<SIZE>x<SIZE>/apps/org.slurmdeck.SlurmDeck.png for each SIZE.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: slurmdeck-icon-renderer SVG OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "slurmdeck-icon-renderer: %s is not a valid SVG file\n", qPrintable(args.at(1)));
        return 1;
    }
    const QDir outDir(args.at(2));
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            std::fprintf(stderr, "slurmdeck-icon-renderer: bad size %s\n", qPrintable(args.at(i)));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString dir = QStringLiteral("%1x%1/apps").arg(size);
        if (!outDir.mkpath(dir)) {
            std::fprintf(stderr, "slurmdeck-icon-renderer: cannot create %s\n",
                         qPrintable(outDir.filePath(dir)));
            return 1;
        }
        const QString file = outDir.filePath(dir + QStringLiteral("/org.slurmdeck.SlurmDeck.png"));
        if (!image.save(file, "PNG")) {
            std::fprintf(stderr, "slurmdeck-icon-renderer: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
