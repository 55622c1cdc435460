// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/SealedSecrets.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace SlurmDeck::SealedSecrets {

namespace {

constexpr auto passphraseVariable = "SLURMDECK_SEALING_PASSPHRASE";

QString tr(const char *text)
{
    return QCoreApplication::translate("SealedSecrets", text);
}

// `openssl enc` with the cipher settings of both directions plus `arguments`, fed `input`.
Result<QByteArray> runOpenssl(const QStringList &arguments, const QByteArray &input,
                              const QByteArray &passphrase)
{
    QProcess openssl;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(passphraseVariable), QString::fromUtf8(passphrase));
    openssl.setProcessEnvironment(environment);
    openssl.start(QStringLiteral("openssl"),
                  QStringList{QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"),
                              QStringLiteral("-pbkdf2"), QStringLiteral("-md"), QStringLiteral("sha256"),
                              QStringLiteral("-iter"), QStringLiteral("600000"), QStringLiteral("-pass"),
                              QStringLiteral("env:") + QString::fromLatin1(passphraseVariable)} +
                      arguments);
    if (!openssl.waitForStarted(10000))
        return makeError(
            Error::Code::NotFound,
            tr("Cannot run openssl, which seals the secrets: install one whose 'openssl enc' has -pbkdf2 "
               "(OpenSSL 1.1.1 or later; Debian: apt install openssl; macOS: brew install openssl)."),
            openssl.errorString());
    openssl.write(input);
    openssl.closeWriteChannel();
    if (!openssl.waitForFinished(120000)) {
        openssl.kill();
        openssl.waitForFinished(5000);
        return makeError(Error::Code::Timeout,
                         tr("openssl did not finish sealing or unsealing in 2 minutes."));
    }
    if (openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return makeError(Error::Code::RemoteCommandFailed, tr("openssl failed"),
                         QString::fromLocal8Bit(openssl.readAllStandardError()).trimmed().left(400));
    return openssl.readAllStandardOutput();
}

// Sealed with the secrets: a damaged file whose damage still parses is caught by it.
QString checksum(const ClusterSecrets::Values &values)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(values.mungeKey + '\n' + values.databasePassword),
                                 QCryptographicHash::Sha256)
            .toHex());
}

} // namespace

Result<void> seal(const ClusterSecrets::Values &values, const QByteArray &passphrase, const QString &file)
{
    if (passphrase.size() < minimumPassphraseLength)
        return makeError(
            Error::Code::InvalidArgument,
            tr("The passphrase is too short: it takes at least %1 characters.").arg(minimumPassphraseLength));
    if (values.mungeKey.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("There is no munge key to seal."));
    const QJsonObject secrets{
        {QStringLiteral("format"), 1},
        {QStringLiteral("munge_key"), QString::fromLatin1(values.mungeKey.toBase64())},
        {QStringLiteral("database_password"), QString::fromLatin1(values.databasePassword.toBase64())},
        {QStringLiteral("sha256"), checksum(values)}};
    const Result<QByteArray> sealed =
        runOpenssl({QStringLiteral("-salt"), QStringLiteral("-out"), file},
                   QJsonDocument(secrets).toJson(QJsonDocument::Compact), passphrase);
    if (!sealed)
        return makeError(sealed.error().code, tr("Cannot seal the secrets into %1").arg(file),
                         sealed.error().toString());
    return {};
}

Result<ClusterSecrets::Values> unseal(const QString &file, const QByteArray &passphrase)
{
    const Result<QByteArray> plain =
        runOpenssl({QStringLiteral("-d"), QStringLiteral("-in"), file}, {}, passphrase);
    const auto wrong = [&file] {
        return makeError(
            Error::Code::Authentication,
            tr("Cannot unseal the secrets in %1: the passphrase is wrong, or the file is damaged.")
                .arg(file));
    };
    if (!plain)
        return plain.error().code == Error::Code::RemoteCommandFailed ? wrong() : plain.error();
    QJsonParseError parsed;
    const QJsonObject secrets = QJsonDocument::fromJson(*plain, &parsed).object();
    if (parsed.error != QJsonParseError::NoError || secrets.value(QStringLiteral("format")).toInt() != 1)
        return wrong(); // a wrong key that happened to leave valid padding
    ClusterSecrets::Values values;
    values.mungeKey =
        QByteArray::fromBase64(secrets.value(QStringLiteral("munge_key")).toString().toLatin1());
    values.databasePassword =
        QByteArray::fromBase64(secrets.value(QStringLiteral("database_password")).toString().toLatin1());
    if (values.mungeKey.isEmpty() || secrets.value(QStringLiteral("sha256")).toString() != checksum(values))
        return wrong();
    return values;
}

} // namespace SlurmDeck::SealedSecrets
