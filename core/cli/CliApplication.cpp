#include "cli/CliApplication.h"

#include "common/ApplicationInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace SlurmDeck {

namespace {

enum ExitCode {
    Ok = 0,
    Failure = 1,
    Usage = 2
};

} // namespace

CliApplication::CliApplication(QTextStream &out, QTextStream &err) : m_out(out), m_err(err)
{}

QString CliApplication::helpText() const
{
    return QCoreApplication::translate(
               "CliApplication",
               "Usage: slurmdeck-cli [options] [command]\n"
               "\n"
               "SlurmDeck %1, headless front. It drives the same core as the slurmdeck GUI.\n"
               "\n"
               "Options:\n"
               "  -h, --help       Show this help and exit.\n"
               "  -v, --version    Show the version and exit.\n"
               "\n"
               "Commands:\n"
               "  version          Show SlurmDeck's version and the versions of the libraries it\n"
               "                   runs with (Qt, libssh, yaml-cpp, QtKeychain).\n")
        .arg(applicationVersion());
}

int CliApplication::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show help."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show the version."));
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do."));

    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << u'\n'
              << QCoreApplication::translate("CliApplication", "Run 'slurmdeck-cli --help' for usage.\n");
        return Usage;
    }
    if (parser.isSet(helpOption)) {
        m_out << helpText();
        return Ok;
    }
    if (parser.isSet(versionOption)) {
        m_out << QStringLiteral("slurmdeck-cli ") << applicationVersion() << u'\n';
        return Ok;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        m_out << helpText();
        return Ok;
    }
    const QString &command = positional.constFirst();
    if (command == u"version") {
        m_out << componentVersions() << u'\n';
        return Ok;
    }
    m_err << QCoreApplication::translate("CliApplication",
                                         "slurmdeck-cli: unknown command '%1'. "
                                         "Run 'slurmdeck-cli --help' for the list of commands.\n")
                 .arg(command);
    return Usage;
}

} // namespace SlurmDeck
