// SPDX-License-Identifier: GPL-3.0-or-later
// How images reach the hosts, the pure parts: the --images values, the build context in the
// plan (built-in templates and the source tree give the same bytes), the content hash (equal
// to compose-templates/build-images.sh's, run here with a stand-in docker), the docker build
// command line (no --pull, base image argument, label, tag), and the munge key check.
#include "ResultTesting.h"
#include "deploy/DeployTypes.h"
#include "deploy/HostDeployer.h"
#include "deploy/HostImages.h"
#include "deploy/ImageBuild.h"
#include "deploy/LocalImages.h"
#include "fingerprint/FingerprintParser.h"
#include "plan/ClusterPlanner.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace SlurmDeck;
using namespace Qt::StringLiterals;

namespace {

HostDeployResult hostWithKey(const QString &host, const QString &sha)
{
    HostDeployResult result;
    result.host = host;
    result.phase = DeployPhase::Done;
    result.mungeKeySha256 = sha;
    return result;
}

const QString keyA = QString(64, u'a');
const QString keyB = QStringLiteral("b1") + QString(62, u'0');

} // namespace

class TestImageBuild final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    // Runs build-images.sh --print-hashes with a docker that knows only `base`'s ID.
    QHash<QString, QString> scriptHashes(const QString &base, const QString &baseId)
    {
        const QString fake = m_temp.filePath(QStringLiteral("docker"));
        QFile script(fake);
        if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        script.write(QStringLiteral("#!/bin/sh\n"
                                    "case \"$1 $2\" in\n"
                                    "  info*) exit 0 ;;\n"
                                    "  'image inspect') [ -n '%1' ] && echo '%1' && exit 0; exit 1 ;;\n"
                                    "esac\nexit 1\n")
                         .arg(baseId)
                         .toUtf8());
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DOCKER"), fake);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates/build-images.sh"),
                      {QStringLiteral("--print-hashes"), QStringLiteral("--base"), base});
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            qWarning("%s", process.readAllStandardError().constData());
            return {};
        }
        QHash<QString, QString> hashes;
        for (const QString &line : QString::fromUtf8(process.readAllStandardOutput()).split(u'\n')) {
            const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
            if (fields.size() == 3)
                hashes.insert(fields.at(0) + u' ' + fields.at(1), fields.at(2));
        }
        return hashes;
    }

private slots:
    // An image ID comes from `docker image inspect` on another machine and names the cached
    // archive: anything but sha256:<hex> must be refused before it reaches a path.
    void imageIdsAreCheckedBeforeUse_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        const QString hex = QStringLiteral("0123456789abcdef").repeated(4);
        QTest::newRow("docker's") << QStringLiteral("sha256:") + hex << true;
        QTest::newRow("path") << QStringLiteral("../../../../etc/cron.d/x") << false;
        QTest::newRow("upper case") << QStringLiteral("sha256:") + hex.toUpper() << false;
        QTest::newRow("short") << QStringLiteral("sha256:") + hex.left(63) << false;
        QTest::newRow("newline") << QStringLiteral("sha256:") + hex + u'\n' << false;
        QTest::newRow("slash inside") << QStringLiteral("sha256:/") + hex.left(63) << false;
    }
    void imageIdsAreCheckedBeforeUse()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(ImageSupply::isImageId(id), valid);
        if (valid || ImageSupply::isImageId(id.trimmed())) // LocalImages trims docker's output
            return;
        // The real LocalImages, with a docker that answers with the hostile ID.
        const QString fake = m_temp.filePath(QStringLiteral("hostile-docker"));
        QFile script(fake);
        QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
        script.write("#!/bin/sh\nprintf '%s' '" + id.toUtf8() + "'\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        LocalImages images(fake);
        const Result<QString> looked = images.imageId(QStringLiteral("slurmdeck/slurm:22.05"));
        QVERIFY(!looked.has_value());
        QCOMPARE(looked.error().code, Error::Code::Parse);
        const Result<QString> archived = images.archive(QStringLiteral("slurmdeck/slurm:22.05"));
        QVERIFY(!archived.has_value());
    }

    // Transfer sends an image only to an engine that runs it: the hosts' architectures as
    // their fingerprints say them, the images' as Docker does.
    void transferOnlyToTheImagesArchitecture_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("image");
        QTest::addColumn<bool>("fits");
        QTest::newRow("x86_64 image to a Debian x86_64 host")
            << u"debian12-x86_64-dash.txt"_s << u"amd64"_s << true;
        QTest::newRow("x86_64 image to an Apple silicon Mac")
            << u"macos14-arm64-docker-desktop.txt"_s << u"amd64"_s << false;
        QTest::newRow("arm64 image to an Apple silicon Mac")
            << u"macos14-arm64-docker-desktop.txt"_s << u"arm64"_s << true;
        QTest::newRow("x86_64 image to an ARM QNAP")
            << u"qnap-armv7-no-docker-access.txt"_s << u"amd64"_s << false;
        QTest::newRow("arm image to an ARM QNAP") << u"qnap-armv7-no-docker-access.txt"_s << u"arm"_s << true;
        QTest::newRow("an image of unknown architecture")
            << u"debian12-x86_64-dash.txt"_s << QString() << false;
    }

    void transferOnlyToTheImagesArchitecture()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, image);
        QFETCH(bool, fits);
        QFile file(QStringLiteral(SLURMDECK_TEST_DATA_DIR "/fingerprint/") + fixture);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<HostFingerprint> host = parseFingerprint(file.readAll());
        SLURMDECK_VERIFY_OK(host);
        QCOMPARE(HostImages::fitsHost(image, host->architecture), fits);
    }

    // Docker Desktop's own words when a bind-mounted path is not shared with its VM (as
    // reported in palico-ai/palico-ai#160 and ptrumpis/snap-camera-server-auto-config#8).
    void mountsDeniedNamesTheFileSharingFix()
    {
        const QString denied = QStringLiteral(
            "Error response from daemon: Mounts denied: \nThe path /opt/slurmdeck/lab/etc/slurm is not "
            "shared "
            "from the host and is not known to Docker.\nYou can configure shared paths from Docker -> "
            "Preferences... -> Resources -> File Sharing.\nSee https://docs.docker.com/desktop/settings/mac/"
            "#file-sharing for more info.");
        const QString hint = HostDeployer::startFailureHint(denied);
        QVERIFY2(hint.contains(QLatin1String("/opt/slurmdeck/lab/etc/slurm")) &&
                     hint.contains(QLatin1String("Settings > Resources > File sharing")),
                 qPrintable(hint));
        QVERIFY(HostDeployer::startFailureHint(QStringLiteral("no such image")).isEmpty());
    }

    void imageChoices_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("host");
        QTest::newRow("build") << QStringLiteral("build") << int(ImageSource::BuildOnHost) << QString();
        QTest::newRow("present") << QStringLiteral("present") << int(ImageSource::AlreadyOnHost) << QString();
        QTest::newRow("transfer") << QStringLiteral("transfer") << int(ImageSource::TransferFromHere)
                                  << QString();
        QTest::newRow("from") << QStringLiteral("from:primary") << int(ImageSource::TransferFromHost)
                              << QStringLiteral("primary");
        QTest::newRow("spaces") << QStringLiteral(" transfer ") << int(ImageSource::TransferFromHere)
                                << QString();
    }
    void imageChoices()
    {
        QFETCH(QString, text);
        QFETCH(int, source);
        QFETCH(QString, host);
        const Result<ImageChoice> choice = parseImageChoice(text);
        SLURMDECK_VERIFY_OK(choice);
        QVERIFY(choice->source == static_cast<ImageSource>(source));
        QCOMPARE(choice->host, host);
        QCOMPARE(imageChoiceArgument(*choice), text.trimmed());
        QVERIFY(*parseImageChoice(imageChoiceArgument(*choice)) == *choice);
    }

    void badImageChoices_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringLiteral("frobnicate")
                                 << QStringLiteral("'frobnicate' is not an image");
        QTest::newRow("capitals") << QStringLiteral("Build") << QStringLiteral("build, present, transfer");
        QTest::newRow("empty") << QString() << QStringLiteral("from:HOST");
        QTest::newRow("from nobody") << QStringLiteral("from:") << QStringLiteral("e.g. from:primary");
    }
    void badImageChoices()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Result<ImageChoice> choice = parseImageChoice(text);
        QVERIFY(!choice);
        QVERIFY(choice.error().code == Error::Code::InvalidArgument);
        QVERIFY2(choice.error().message.contains(message), qPrintable(choice.error().message));
    }

    void defaultsBuildOnHostFromBookworm()
    {
        const DeployOptions options;
        QVERIFY(options.images == ImageSource::BuildOnHost);
        QCOMPARE(options.baseImage, QStringLiteral("debian:bookworm"));
        QVERIFY(describeImages(options).contains(QStringLiteral("debian:bookworm")));
    }

    void planCarriesTheBuildContexts()
    {
        const ClusterPlanner builtIn;
        const ClusterPlanner tree(TemplateSource(QStringLiteral(SLURMDECK_SOURCE_DIR "/compose-templates")));
        for (const QString &name :
             {QStringLiteral("slurm"), QStringLiteral("monitoring"), QStringLiteral("mariadb")}) {
            const Result<ImageBuildContext> compiled = builtIn.buildContext(name, QStringLiteral("x:1"));
            const Result<ImageBuildContext> source = tree.buildContext(name, QStringLiteral("x:1"));
            SLURMDECK_VERIFY_OK(compiled);
            SLURMDECK_VERIFY_OK(source);
            QCOMPARE(compiled->files, source->files); // the qrc has every file of the context
            QVERIFY(compiled->files.size() >= 3);
            bool dockerfile = false;
            for (const RenderedFile &file : compiled->files) {
                dockerfile = dockerfile || file.path == u"Dockerfile";
                QCOMPARE(file.mode, file.path.endsWith(QLatin1String(".sh")) ? 0755 : 0644);
                QVERIFY(!file.secret);
            }
            QVERIFY(dockerfile);
        }
        const Result<ImageBuildContext> missing =
            ClusterPlanner(TemplateSource(m_temp.path()))
                .buildContext(QStringLiteral("slurm"), QStringLiteral("x"));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("images/slurm")));
    }

    void contentHashIsBuildImagesShs_data()
    {
        QTest::addColumn<QString>("baseId");
        QTest::newRow("base present") << QStringLiteral("sha256:") + QString(64, u'7');
        QTest::newRow("base missing") << QString();
    }
    void contentHashIsBuildImagesShs()
    {
        QFETCH(QString, baseId);
        const QString base = QStringLiteral("example/bookworm:1");
        const QHash<QString, QString> expected = scriptHashes(base, baseId);
        QCOMPARE(expected.size(), 3);
        const PlanInputs inputs;
        const ClusterPlanner planner;
        const std::pair<QString, QString> images[] = {
            {QStringLiteral("slurm"), inputs.slurmImageFor(Cluster())},
            {QStringLiteral("monitoring"), inputs.monitoringImage},
            {QStringLiteral("mariadb"), inputs.databaseImage}};
        for (const auto &[name, image] : images) {
            const Result<ImageBuildContext> context = planner.buildContext(name, image);
            SLURMDECK_VERIFY_OK(context);
            const QString hash = ImageBuild::contentHash(
                context->files, base, baseId.isEmpty() ? QStringLiteral("unresolved:") + base : baseId);
            QCOMPARE(hash, expected.value(name + u' ' + image));
        }
    }

    void contentHashCoversEveryInput()
    {
        const QList<RenderedFile> files{{QStringLiteral("Dockerfile"), "FROM x\n", 0644, false},
                                        {QStringLiteral("entrypoint.sh"), "#!/bin/sh\n", 0755, false}};
        const QString hash = ImageBuild::contentHash(files, QStringLiteral("b"), QStringLiteral("id"));
        QCOMPARE(hash.size(), 64);
        QCOMPARE(
            ImageBuild::contentHash({files.at(1), files.at(0)}, QStringLiteral("b"), QStringLiteral("id")),
            hash); // order-free
        QVERIFY(ImageBuild::contentHash(files, QStringLiteral("b"), QStringLiteral("id2")) != hash);
        QVERIFY(ImageBuild::contentHash(files, QStringLiteral("c"), QStringLiteral("id")) != hash);
        QList<RenderedFile> changed = files;
        changed[0].content = "FROM y\n";
        QVERIFY(ImageBuild::contentHash(changed, QStringLiteral("b"), QStringLiteral("id")) != hash);
        changed = files;
        changed[1].mode = 0644;
        QVERIFY(ImageBuild::contentHash(changed, QStringLiteral("b"), QStringLiteral("id")) != hash);
    }

    void buildCommandLine()
    {
        const QStringList argv = ImageBuild::buildArguments(
            QStringLiteral("/share/cs/bin/docker"), QStringLiteral("slurmdeck/slurm:22.05"),
            QStringLiteral("local/bookworm:1"), QStringLiteral("abc123"),
            QStringLiteral("/opt/slurmdeck/my lab/images/slurm"));
        QCOMPARE(argv,
                 (QStringList{QStringLiteral("/share/cs/bin/docker"), QStringLiteral("build"),
                              QStringLiteral("--build-arg"), QStringLiteral("BASE_IMAGE=local/bookworm:1"),
                              QStringLiteral("--label"), QStringLiteral("org.slurmdeck.context-hash=abc123"),
                              QStringLiteral("--label"),
                              QStringLiteral("org.slurmdeck.base-image=local/bookworm:1"),
                              QStringLiteral("-t"), QStringLiteral("slurmdeck/slurm:22.05"),
                              QStringLiteral("/opt/slurmdeck/my lab/images/slurm")}));
        QVERIFY(!argv.contains(QStringLiteral("--pull")));
        const QString command = ImageBuild::buildCommand(
            argv, QStringLiteral("/opt/slurmdeck/my lab/images/slurm.build.log"), 30);
        QVERIFY2(command.contains(QStringLiteral("'/opt/slurmdeck/my lab/images/slurm'")),
                 qPrintable(command));
        QVERIFY2(command.contains(QStringLiteral(">'/opt/slurmdeck/my lab/images/slurm.build.log' 2>&1")),
                 qPrintable(command));
        QVERIFY2(
            command.contains(QStringLiteral("tail -n 30 '/opt/slurmdeck/my lab/images/slurm.build.log'")),
            qPrintable(command));
        QVERIFY(command.endsWith(QStringLiteral("exit $status")));

        // The shell runs it as written: the build's status comes back, with the log's tail.
        QProcess shell;
        const QString log = m_temp.filePath(QStringLiteral("build.log"));
        shell.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             ImageBuild::buildCommand(
                 {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("seq 1 50; exit 3")}, log, 5)});
        QVERIFY(shell.waitForFinished(10000));
        QCOMPARE(shell.exitCode(), 3);
        QCOMPARE(shell.readAllStandardOutput(), QByteArray("46\n47\n48\n49\n50\n"));
    }

    void mungeKeysIdentical()
    {
        const std::optional<VerificationCheck> check = mungeKeyCheck(
            {hostWithKey(QStringLiteral("primary"), keyA), hostWithKey(QStringLiteral("worker1"), keyA),
             hostWithKey(QStringLiteral("worker2"), keyA)},
            QStringLiteral("primary"));
        QVERIFY(check);
        QVERIFY(check->passed);
        QCOMPARE(check->name, QStringLiteral("munge key identical on every host"));
        QVERIFY(check->host.isEmpty());
        QVERIFY2(check->detail.contains(keyA.left(12)) && check->detail.contains(QStringLiteral("3 hosts")),
                 qPrintable(check->detail));
    }

    void mungeKeyMismatchNamesTheHost()
    {
        const std::optional<VerificationCheck> check = mungeKeyCheck(
            {hostWithKey(QStringLiteral("primary"), keyA), hostWithKey(QStringLiteral("worker1"), keyA),
             hostWithKey(QStringLiteral("nas1"), QString()), hostWithKey(QStringLiteral("worker2"), keyB)},
            QStringLiteral("primary"));
        QVERIFY(check);
        QVERIFY(!check->passed);
        QCOMPARE(check->host, QStringLiteral("worker2"));
        QVERIFY2(check->detail.contains(QStringLiteral("worker2 has ") + keyB.left(12)),
                 qPrintable(check->detail));
        QVERIFY2(check->detail.contains(keyA.left(12)), qPrintable(check->detail));
        QVERIFY2(check->detail.contains(QStringLiteral("deploy again")), qPrintable(check->detail));
        QVERIFY2(check->detail.contains(QStringLiteral("not read on nas1")), qPrintable(check->detail));
        QVERIFY(!check->detail.contains(keyB.mid(12)) && !check->detail.contains(keyA.mid(12)));
    }

    void mungeKeyReferenceIsTheController()
    {
        // Most hosts differ from the controller: they are the ones named.
        const std::optional<VerificationCheck> check =
            mungeKeyCheck({hostWithKey(QStringLiteral("head"), keyA), hostWithKey(QStringLiteral("n1"), keyB),
                           hostWithKey(QStringLiteral("n2"), keyB)},
                          QStringLiteral("head"));
        QVERIFY(check && !check->passed);
        QCOMPARE(check->host, QStringLiteral("n1, n2"));
        // Without the controller's: the majority.
        const std::optional<VerificationCheck> majority = mungeKeyCheck(
            {hostWithKey(QStringLiteral("head"), QString()), hostWithKey(QStringLiteral("n1"), keyB),
             hostWithKey(QStringLiteral("n2"), keyA), hostWithKey(QStringLiteral("n3"), keyA)},
            QStringLiteral("head"));
        QVERIFY(majority && !majority->passed);
        QCOMPARE(majority->host, QStringLiteral("n1"));
    }

    void mungeKeyCheckNeedsAHash()
    {
        QVERIFY(!mungeKeyCheck({}, QStringLiteral("head")));
        QVERIFY(!mungeKeyCheck({hostWithKey(QStringLiteral("head"), QString())}, QStringLiteral("head")));
    }
};

QTEST_GUILESS_MAIN(TestImageBuild)
#include "tst_imagebuild.moc"
