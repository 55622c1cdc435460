// SPDX-License-Identifier: GPL-3.0-or-later
// SshConnection's login: ssh-agent and unencrypted keys through libssh, encrypted keys one
// file at a time (so each passphrase is asked for, and kept, under its own file's name),
// then a password; a secret that fails is forgotten and asked for again.
#include "ssh/SshConnection.h"

#include "ssh/CredentialPrompt.h"
#include "ssh/SshOptionText.h"
#include "ssh/WaitForAnswer.h"

#include <QFile>
#include <QFileInfo>

#include <libssh/callbacks.h>

#include <cstring>

namespace SlurmDeck {

using namespace SshOptionText;

namespace {

// libssh calls this (on the worker thread) when a key file needs a passphrase.
int askPassphrase(const char *prompt, char *buffer, size_t length, int, int, void *userdata);

// Callbacks that do nothing, for a session once login is over.
ssh_callbacks noCallbacks()
{
    static ssh_callbacks_struct none = [] {
        ssh_callbacks_struct callbacks{};
        ssh_callbacks_init(&callbacks);
        return callbacks;
    }();
    return &none;
}

struct PassphraseContext
{
    CredentialPrompt *prompt = nullptr;
    QString target;
    QString keyFile;
    CancelToken cancel;
    bool asked = false;    // libssh wanted a passphrase: the key file is encrypted
    bool answered = false; // and the prompt gave one
};

int askPassphrase(const char *prompt, char *buffer, size_t length, int, int, void *userdata)
{
    auto *context = static_cast<PassphraseContext *>(userdata);
    if (!context)
        return -1;
    context->asked = true;
    if (!context->prompt || length == 0)
        return -1;
    const CredentialRequest request{CredentialRequest::Kind::KeyPassphrase, context->target, context->keyFile,
                                    QString::fromUtf8(prompt ? prompt : "")};
    const std::optional<std::optional<QString>> answer = Detail::waitForAnswer<std::optional<QString>>(
        [&](std::function<void(std::optional<QString>)> reply) {
            context->prompt->askForSecret(request, std::move(reply));
        },
        context->cancel);
    if (!answer || !*answer)
        return -1;
    context->answered = true;
    QByteArray secret = (*answer)->toUtf8();
    if (static_cast<size_t>(secret.size()) >= length)
        return -1;
    std::memcpy(buffer, secret.constData(), static_cast<size_t>(secret.size()));
    buffer[secret.size()] = '\0';
    secret.fill('\0');
    return 0;
}

} // namespace

QStringList SshConnection::identityCandidates() const
{
    QStringList files;
    if (!m_target.identityFile.isEmpty()) {
        files << expandSshPath(m_target.identityFile);
    } else {
        // The config's IdentityFile (libssh exposes the first), then OpenSSH's defaults.
        const QString configured = optionString(m_session.get(), SSH_OPTIONS_IDENTITY);
        if (!configured.isEmpty())
            files << expandSshPath(configured);
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"})
            files << expandSshPath(QStringLiteral("%d/") + QLatin1String(name));
    }
    files.removeDuplicates();
    return files;
}

// Encrypted keys, one file at a time, so each passphrase is asked for and kept under its
// own file's name. A passphrase that does not open the key (a stale one from the keychain,
// or a typo) is forgotten and asked for again, up to three times per file.
Result<bool> SshConnection::tryEncryptedKeys(const QString &who, const CancelToken &cancel)
{
    ssh_session session = m_session.get();
    for (const QString &file : identityCandidates()) {
        if (!QFileInfo::exists(file))
            continue;
        const QByteArray path = QFile::encodeName(file);
        for (int attempt = 0; attempt < 3; ++attempt) {
            if (cancel.isCancelled())
                return makeError(Error::Code::Cancelled, QObject::tr("Cancelled during login."));
            PassphraseContext passphrase{m_credentialPrompt, who, file, cancel};
            ssh_key rawKey = nullptr;
            const int imported =
                ssh_pki_import_privkey_file(path.constData(), nullptr, askPassphrase, &passphrase, &rawKey);
            const SshHandles::Key key(rawKey);
            if (!passphrase.asked)
                break; // unencrypted or unreadable: publickey_auto has tried it already
            if (imported == SSH_OK) {
                const int rc = ssh_userauth_publickey(session, nullptr, key.get());
                if (rc == SSH_AUTH_SUCCESS)
                    return true;
                if (rc == SSH_AUTH_ERROR)
                    return sessionError(Error::Code::Authentication,
                                        QObject::tr("Key login to %1 failed.").arg(who));
                break; // the server does not take this key
            }
            if (!passphrase.answered)
                break; // declined
            if (m_credentialPrompt)
                m_credentialPrompt->forgetSecret(
                    CredentialRequest{CredentialRequest::Kind::KeyPassphrase, who, file, {}});
        }
    }
    return false;
}

Result<void> SshConnection::authenticate(const CancelToken &cancel)
{
    ssh_session session = m_session.get();
    const QString who = m_resolvedUser + u'@' + m_resolvedHost;

    // publickey_auto tries ssh-agent and the unencrypted keys; encrypted ones are left to
    // tryEncryptedKeys(), which knows which file a passphrase is for.
    PassphraseContext noAnswers{nullptr, who, {}, cancel};
    ssh_callbacks_struct callbacks{};
    callbacks.userdata = &noAnswers;
    callbacks.auth_function = askPassphrase;
    ssh_callbacks_init(&callbacks);
    ssh_set_callbacks(session, &callbacks);
    // The callbacks struct lives on this stack frame: swap in an empty one that lives as long
    // as the program before returning. ssh_set_callbacks(session, nullptr) is refused and
    // leaves the old pointer in place; libssh then called through this dead frame from a
    // later command's read (connect_status_function) and crashed.
    struct Unhook
    {
        ssh_session session;
        ~Unhook() { ssh_set_callbacks(session, noCallbacks()); }
    } unhook{session};

    int rc = ssh_userauth_none(session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return sessionError(Error::Code::Network,
                            QObject::tr("%1 closed the connection during login.").arg(who));

    const int methods = ssh_userauth_list(session, nullptr);
    QStringList tried;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (!qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
            tried << QObject::tr("ssh-agent");
        tried << (m_target.identityFile.isEmpty() ? QObject::tr("default keys in ~/.ssh")
                                                  : QObject::tr("key %1").arg(m_target.identityFile));
        rc = ssh_userauth_publickey_auto(session, nullptr, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return sessionError(Error::Code::Authentication, QObject::tr("Key login to %1 failed.").arg(who));
        const Result<bool> encrypted = tryEncryptedKeys(who, cancel);
        if (!encrypted)
            return encrypted.error();
        if (*encrypted)
            return {};
    }
    if (cancel.isCancelled())
        return makeError(Error::Code::Cancelled, QObject::tr("Cancelled during login."));
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && m_credentialPrompt) {
        tried << QObject::tr("password");
        const CredentialRequest request{CredentialRequest::Kind::Password, who, {}, {}};
        // A refused password (a stale one from the keychain, or a typo) is forgotten and
        // asked for again, up to three times.
        for (int attempt = 0; attempt < 3; ++attempt) {
            const std::optional<std::optional<QString>> password =
                Detail::waitForAnswer<std::optional<QString>>(
                    [this, &request](std::function<void(std::optional<QString>)> answer) {
                        m_credentialPrompt->askForSecret(request, std::move(answer));
                    },
                    cancel);
            if (!password || !*password)
                break;
            QByteArray secret = (*password)->toUtf8();
            rc = ssh_userauth_password(session, nullptr, secret.constData());
            secret.fill('\0');
            if (rc == SSH_AUTH_SUCCESS)
                return {};
            if (rc == SSH_AUTH_ERROR)
                break;
            m_credentialPrompt->forgetSecret(request);
        }
    }
    return makeError(
        Error::Code::Authentication,
        QObject::tr("Cannot log in to %1 (tried: %2). Add your public key to the user's "
                    "~/.ssh/authorized_keys there (ssh-copy-id %1), start ssh-agent with "
                    "your key, or choose a key file.")
            .arg(who, tried.isEmpty() ? QObject::tr("nothing the server accepts") : tried.join(u", ")));
}

} // namespace SlurmDeck
