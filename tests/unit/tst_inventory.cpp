// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster inventory: the YAML schema, every problem reported with its place, lossless
// round trips, atomic saves, the default topology, and a loader that survives garbage.
#include "InventoryFixtures.h"
#include "ResultTesting.h"
#include "inventory/ClusterFile.h"
#include "inventory/DefaultRoles.h"
#include "inventory/SpellingSuggestion.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#endif

using namespace SlurmDeck;
using namespace Qt::StringLiterals;
using namespace SlurmDeck::InventoryFixtures;

namespace {

const QString dataDir = QStringLiteral(SLURMDECK_TEST_DATA_DIR "/inventory");

QString fixture(const QString &name)
{
    return dataDir + u'/' + name;
}

QStringList diagnosticLines(const QString &yaml)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : ClusterFile::validate(yaml, QStringLiteral("t.yaml")))
        lines.append(diagnostic.toString());
    return lines;
}

} // namespace

class TestInventory final : public QObject
{
    Q_OBJECT

private slots:
    void loadsFullFile()
    {
        const Result<Cluster> loaded = ClusterFile::load(fixture(QStringLiteral("valid-full.yaml")));
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));
        const Cluster &cluster = *loaded;
        QCOMPARE(cluster.name, QStringLiteral("seed-lab"));
        QCOMPARE(cluster.hosts.size(), 4);

        const Host &gpu = cluster.hosts.at(0);
        QCOMPARE(gpu.name, QStringLiteral("gpu-box"));
        QCOMPARE(gpu.address, QStringLiteral("192.168.1.20"));
        QCOMPARE(gpu.user, QStringLiteral("slurm"));
        QCOMPARE(gpu.port, 22);
        QCOMPARE(gpu.identity, QStringLiteral("~/.ssh/id_ed25519"));
        QCOMPARE(gpu.platformOverride, Platform::Linux); // "ubuntu" is a Linux host
        QCOMPARE(gpu.roles,
                 HostRole::Controller | HostRole::Database | HostRole::Monitoring | HostRole::Compute);
        QCOMPARE(gpu.detected.arch, QStringLiteral("x86_64"));
        QCOMPARE(gpu.detected.cpus, std::optional<int>(16));
        QCOMPARE(gpu.detected.sockets, std::optional<int>(1));
        QCOMPARE(gpu.detected.coresPerSocket, std::optional<int>(8));
        QCOMPARE(gpu.detected.threadsPerCore, std::optional<int>(2));
        QCOMPARE(gpu.detected.memoryMib, std::optional<qint64>(64000));
        QCOMPARE(gpu.detected.gpus, std::optional<int>(1));
        QCOMPARE(gpu.detected.gpuModel, QStringLiteral("NVIDIA GeForce RTX 3090"));

        const Host &mac = cluster.hosts.at(1);
        QCOMPARE(mac.port, 2222);
        QCOMPARE(mac.user, QString());
        QCOMPARE(mac.roles, HostRoles(HostRole::Compute));
        QCOMPARE(mac.effectivePlatform(), Platform::MacOS);

        QCOMPARE(cluster.hosts.at(2).effectivePlatform(), Platform::Qnap); // override, nothing detected
        QCOMPARE(cluster.hosts.at(3).effectivePlatform(), Platform::Qnap); // detected only
        QVERIFY(!cluster.hosts.at(2).detected.cpus.has_value());

        QCOMPARE(cluster.partitions.size(), 3);
        QCOMPARE(cluster.partitions.at(0).name, QStringLiteral("main"));
        QVERIFY(cluster.partitions.at(0).includesAllNodes());
        QVERIFY(cluster.partitions.at(0).isDefault);
        QCOMPARE(cluster.partitions.at(0).maxTime, QStringLiteral("1-00:00:00"));
        QCOMPARE(cluster.partitions.at(1).nodes, QStringList{QStringLiteral("gpu-box")});
        QVERIFY(!cluster.partitions.at(1).isDefault);
        QCOMPARE(cluster.partitions.at(2).nodes,
                 (QStringList{QStringLiteral("nas1"), QStringLiteral("nas2")}));

        QCOMPARE(cluster.settings.remoteDirectory, QStringLiteral("/opt/slurmdeck"));
        QCOMPARE(cluster.settings.pollIntervalSeconds, 10);
        QCOMPARE(cluster.keychainService(), QStringLiteral("slurmdeck/seed-lab"));
        QCOMPARE(cluster.hostsWithRole(HostRole::Compute).size(), 4);
        QVERIFY(cluster.findHost(QStringLiteral("nas2")));
        QVERIFY(!cluster.findHost(QStringLiteral("nas3")));
    }

    void minimalFileGetsDefaults()
    {
        const Result<Cluster> loaded =
            ClusterFile::loadFromString(QStringLiteral("name: solo\n"), u"m.yaml"_s);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toString()));
        QVERIFY(loaded->hosts.isEmpty());
        QVERIFY(loaded->partitions.isEmpty());
        QCOMPARE(loaded->settings.remoteDirectory, QStringLiteral("/opt/slurmdeck"));
        QCOMPARE(loaded->settings.pollIntervalSeconds, 5);
        QCOMPARE(loaded->settings.keychainService, QString());
        QCOMPARE(loaded->keychainService(), QStringLiteral("slurmdeck/solo"));
    }

    void effectivePlatform()
    {
        Host host;
        QCOMPARE(host.effectivePlatform(), Platform::Unknown);
        host.detected.platform = Platform::Linux;
        QCOMPARE(host.effectivePlatform(), Platform::Linux);
        host.platformOverride = Platform::Qnap;
        QCOMPARE(host.effectivePlatform(), Platform::Qnap);
    }

    // Each row: YAML text, the expected "LINE:COLUMN" of a diagnostic and a fragment of its
    // message. The places are 1-based and point at the offending key or value.
    void reportsProblemWithPlace_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("fragment");

        const QString oneHost = QStringLiteral("name: lab\n"
                                               "hosts:\n"
                                               "  - name: a\n"
                                               "    address: 10.0.0.1\n"
                                               "    roles: [controller, compute]\n");

        QTest::newRow("syntax: unclosed flow list")
            << QStringLiteral("name: lab\nhosts: [a, b\n") << u"3:1"_s << u"YAML syntax error"_s;
        // yaml-cpp 0.7 loops forever on a stray ',' after a document (see DocumentCounter).
        QTest::newRow("syntax: stray comma")
            << QStringLiteral("{name: lab},\n") << u"1:12"_s << u"YAML syntax error: unexpected ','"_s;
        QTest::newRow("syntax: lone comma") << QStringLiteral(",") << u"1:1"_s << u"unexpected ','"_s;
        QTest::newRow("syntax: bad indentation")
            << QStringLiteral("name: lab\n  hosts: x\n") << u"2:8"_s << u"YAML syntax error"_s;
        QTest::newRow("empty file") << QString() << u"1:1"_s << u"the file is empty"_s;
        QTest::newRow("top level is a list")
            << QStringLiteral("- a\n- b\n") << u"1:1"_s << u"the top level must be a mapping"_s;
        QTest::newRow("missing cluster name")
            << QStringLiteral("hosts: []\n") << u"1:1"_s << u"the cluster has no 'name'"_s;
        QTest::newRow("empty cluster name")
            << QStringLiteral("name: \"\"\n") << u"1:7"_s << u"'name' must not be empty"_s;
        QTest::newRow("cluster name is a dot")
            << QStringLiteral("name: \".\"\n") << u"1:7"_s << u"must start with a letter or digit"_s;
        QTest::newRow("cluster name is a path") << QStringLiteral("name: a/../b\n") << u"1:7"_s
                                                << u"may hold only letters, digits, '_' and '-'"_s;
        QTest::newRow("cluster name with a newline")
            << QStringLiteral("name: \"lab\\nNodeName=evil\"\n") << u"1:7"_s
            << u"may hold only letters, digits, '_' and '-'"_s;
        QTest::newRow("cluster name too long")
            << QString(u"name: "_s + QString(64, u'a') + u"\n"_s) << u"1:7"_s << u"at most 63 are allowed"_s;
        QTest::newRow("null cluster name")
            << QStringLiteral("name:\nhosts: []\n") << u"1:1"_s << u"'name' must not be empty"_s;
        QTest::newRow("unknown top-level key, suggestion")
            << QStringLiteral("name: lab\npartitons: []\n") << u"2:1"_s
            << u"unknown key 'partitons' (did you mean 'partitions'?)"_s;
        QTest::newRow("unknown host key, suggestion")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: a\n    adress: 10.0.0.1\n    roles: [controller]\n")
            << u"4:5"_s << u"unknown key 'adress' (did you mean 'address'?)"_s;
        QTest::newRow("missing address")
            << QStringLiteral("name: lab\nhosts:\n  - name: a\n    roles: [controller]\n") << u"3:5"_s
            << u"host 'a' has no 'address'"_s;
        QTest::newRow("unknown key, no suggestion")
            << QString(oneHost + u"    colour: blue\n"_s) << u"6:5"_s
            << u"unknown key 'colour' (expected one of: name, address"_s;
        QTest::newRow("unknown detected key") << QString(oneHost + u"    detected:\n      cpu: 4\n"_s)
                                              << u"7:7"_s << u"unknown key 'cpu' (did you mean 'cpus'?)"_s;
        QTest::newRow("unknown settings key") << QStringLiteral("name: lab\nsettings:\n  poll_interval: 3\n")
                                              << u"3:3"_s << u"unknown key 'poll_interval'"_s;
        QTest::newRow("duplicate key") << QStringLiteral("name: lab\nname: other\n") << u"2:1"_s
                                       << u"duplicate key 'name' (first given on line 1)"_s;
        QTest::newRow("hosts is text") << QStringLiteral("name: lab\nhosts: gpu1\n") << u"2:8"_s
                                       << u"'hosts' must be a list (of hosts), not 'gpu1'"_s;
        QTest::newRow("roles is text")
            << QStringLiteral("name: lab\nhosts:\n  - name: a\n    address: x\n    roles: controller\n")
            << u"5:12"_s << u"'roles' must be a list (e.g. [compute]), not 'controller'"_s;
        QTest::newRow("host is text")
            << QStringLiteral("name: lab\nhosts:\n  - gpu1\n") << u"3:5"_s << u"a host must be a mapping"_s;
        QTest::newRow("address is a list")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: a\n    address: [x, y]\n    roles: [controller]\n")
            << u"4:14"_s << u"'address' must be a text value, not a list"_s;
        QTest::newRow("port not a number") << QString(oneHost + u"    port: ssh\n"_s) << u"6:11"_s
                                           << u"'port' must be a whole number, not 'ssh'"_s;
        QTest::newRow("port fractional")
            << QString(oneHost + u"    port: 22.5\n"_s) << u"6:11"_s << u"'port' must be a whole number"_s;
        QTest::newRow("port out of range") << QString(oneHost + u"    port: 65536\n"_s) << u"6:11"_s
                                           << u"'port' is out of range: 65536 is not between 1 and 65535"_s;
        QTest::newRow("port zero") << QString(oneHost + u"    port: 0\n"_s) << u"6:11"_s << u"out of range"_s;
        QTest::newRow("bad host name")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: gpu_box.lan\n    address: x\n    roles: [controller]\n")
            << u"3:11"_s << u"host name 'gpu_box.lan' is not a valid Slurm node name"_s;
        QTest::newRow("address starting with dash")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: a\n    address: -oProxyCommand=x\n    roles: [controller]\n")
            << u"4:14"_s << u"must not contain blanks or start with '-'"_s;
        QTest::newRow("duplicate host name")
            << QString(oneHost + u"  - name: A\n    address: 10.0.0.2\n"_s) << u"6:11"_s
            << u"duplicate host name 'A' (first used on line 3)"_s;
        QTest::newRow("unknown role, suggestion")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: a\n    address: x\n    roles: [controller, computer]\n")
            << u"5:25"_s << u"unknown role 'computer' (did you mean 'compute'?)"_s;
        QTest::newRow("unknown role") << QStringLiteral("name: lab\nhosts:\n  - name: a\n    address: x\n"
                                                        "    roles: [controller, login]\n")
                                      << u"5:25"_s << u"unknown role 'login' (expected controller"_s;
        QTest::newRow("role listed twice")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: a\n    address: x\n    roles: [controller, controller]\n")
            << u"5:25"_s << u"role 'controller' is listed twice"_s;
        QTest::newRow("unknown platform")
            << QString(oneHost + u"    platform: windows\n"_s) << u"6:15"_s
            << u"unknown platform 'windows' (expected linux, ubuntu, macos or qnap)"_s;
        QTest::newRow("unknown detected platform")
            << QString(oneHost + u"    detected:\n      platform: beos\n"_s) << u"7:17"_s
            << u"unknown platform 'beos'"_s;
        QTest::newRow("negative gpus") << QString(oneHost + u"    detected:\n      gpus: -1\n"_s) << u"7:13"_s
                                       << u"'gpus' is out of range"_s;
        QTest::newRow("no controller")
            << QStringLiteral("name: lab\nhosts:\n  - name: a\n    address: x\n    roles: [compute]\n")
            << u"2:1"_s << u"role 'controller' is not assigned to any host"_s;
        QTest::newRow("two controllers")
            << QString(oneHost + u"  - name: b\n    address: y\n    roles: [compute, controller]\n"_s)
            << u"8:22"_s << u"role 'controller' is assigned to more than one host ('a' and 'b')"_s;
        QTest::newRow("two databases")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: a\n    address: x\n    roles: [controller, database]\n"
                   "  - name: b\n    address: y\n    roles:\n      - database\n")
            << u"9:9"_s << u"role 'database' is assigned to more than one host"_s;
        QTest::newRow("two monitoring")
            << QStringLiteral(
                   "name: lab\nhosts:\n  - name: a\n    address: x\n    roles: [controller, monitoring]\n"
                   "  - name: b\n    address: y\n    roles: [monitoring]\n")
            << u"8:13"_s << u"role 'monitoring' is assigned to more than one host"_s;
        QTest::newRow("partition names unknown host")
            << QString(oneHost + u"partitions:\n  - name: p\n    nodes: [a, ghost]\n"_s) << u"8:16"_s
            << u"partition 'p' names unknown host 'ghost'"_s;
        QTest::newRow("partition host without compute")
            << QStringLiteral("name: lab\nhosts:\n  - name: a\n    address: x\n    roles: [controller]\n"
                              "partitions:\n  - name: p\n    nodes: [a]\n")
            << u"8:13"_s << u"host 'a' in partition 'p' does not have the compute role"_s;
        QTest::newRow("duplicate partition name")
            << QString(oneHost + u"partitions:\n  - name: p\n    nodes: ALL\n  - name: p\n    nodes: [a]\n"_s)
            << u"9:11"_s << u"duplicate partition name 'p' (first used on line 7)"_s;
        QTest::newRow("partition nodes is a word")
            << QString(oneHost + u"partitions:\n  - name: p\n    nodes: everything\n"_s) << u"8:12"_s
            << u"'nodes' must be a list of host names or ALL, not 'everything'"_s;
        QTest::newRow("partition without nodes") << QString(oneHost + u"partitions:\n  - name: p\n"_s)
                                                 << u"7:5"_s << u"partition 'p' has no 'nodes'"_s;
        QTest::newRow("ALL mixed with names")
            << QString(oneHost + u"partitions:\n  - name: p\n    nodes: [a, ALL]\n"_s) << u"8:16"_s
            << u"ALL cannot be combined with host names"_s;
        QTest::newRow("two default partitions")
            << QString(oneHost + u"partitions:\n  - name: p\n    nodes: ALL\n    default: true\n"
                                 u"  - name: q\n    nodes: ALL\n    default: yes\n"_s)
            << u"12:14"_s << u"only one partition can be the default"_s;
        QTest::newRow("default not a bool")
            << QString(oneHost + u"partitions:\n  - name: p\n    nodes: ALL\n    default: maybe\n"_s)
            << u"9:14"_s << u"'default' must be true or false, not 'maybe'"_s;
        QTest::newRow("bad max_time")
            << QString(oneHost + u"partitions:\n  - name: p\n    nodes: ALL\n    max_time: 1 day\n"_s)
            << u"9:15"_s << u"'max_time' must be a Slurm time"_s;
        QTest::newRow("relative remote directory")
            << QStringLiteral("name: lab\nsettings:\n  remote_directory: slurmdeck\n") << u"3:21"_s
            << u"'remote_directory' must be an absolute path"_s;
        QTest::newRow("remote directory with ..")
            << QStringLiteral("name: lab\nsettings:\n  remote_directory: /opt/../etc\n") << u"3:21"_s
            << u"'remote_directory' must not contain '.' or '..' components"_s;
        QTest::newRow("remote directory with .")
            << QStringLiteral("name: lab\nsettings:\n  remote_directory: /opt/./x\n") << u"3:21"_s
            << u"'remote_directory' must not contain '.' or '..' components"_s;
        QTest::newRow("remote directory with an empty component")
            << QStringLiteral("name: lab\nsettings:\n  remote_directory: /opt//x\n") << u"3:21"_s
            << u"'remote_directory' must not have an empty component"_s;
        QTest::newRow("remote directory is the root")
            << QStringLiteral("name: lab\nsettings:\n  remote_directory: /\n") << u"3:21"_s
            << u"'remote_directory' must not be '/' itself"_s;
        QTest::newRow("remote directory with a newline")
            << QStringLiteral("name: lab\nsettings:\n  remote_directory: \"/opt/a\\nb\"\n") << u"3:21"_s
            << u"'remote_directory' must not contain control characters"_s;
        QTest::newRow("poll interval not a number")
            << QStringLiteral("name: lab\nsettings:\n  poll_interval_seconds: [5]\n") << u"3:26"_s
            << u"'poll_interval_seconds' must be a text value, not a list"_s;
        QTest::newRow("settings is a list") << QStringLiteral("name: lab\nsettings:\n  - a\n") << u"3:3"_s
                                            << u"'settings' must be a mapping"_s;
        QTest::newRow("secret at top level")
            << QStringLiteral("name: lab\npassword: hunter2\n") << u"2:1"_s
            << u"'password' looks like a secret: secrets live in the OS keychain"_s;
        QTest::newRow("secret munge key in settings")
            << QStringLiteral("name: lab\nsettings:\n  munge_key: abc\n") << u"3:3"_s
            << u"'munge_key' looks like a secret"_s;
        QTest::newRow("secret deep in an unknown section")
            << QStringLiteral("name: lab\nextra:\n  nested:\n    - ssh_passphrase: x\n") << u"4:7"_s
            << u"'ssh_passphrase' looks like a secret"_s;
        QTest::newRow("self-referencing alias")
            << QStringLiteral("name: lab\nx: &a [*a]\n") << u"2:4"_s << u"anchors ('&name') and aliases"_s;
        QTest::newRow("alias to an anchored host")
            << QStringLiteral("name: lab\nhosts:\n  - &h {name: a, address: 10.0.0.1}\n  - *h\n") << u"3:5"_s
            << u"anchors ('&name') and aliases"_s;
        QTest::newRow("merge key") << QStringLiteral(
                                          "name: lab\nbase: &b {user: x}\nhosts:\n  - <<: *b\n    name: a\n")
                                   << u"2:7"_s << u"anchors ('&name') and aliases"_s;
        QTest::newRow("relative home") << QStringLiteral("name: lab\nhosts:\n  - name: a\n    address: "
                                                         "10.0.0.1\n    detected:\n      home: alice\n")
                                       << u"6:13"_s << u"'home' must be an absolute path"_s;
        QTest::newRow("negative login uid")
            << QStringLiteral("name: lab\nhosts:\n  - name: a\n    address: 10.0.0.1\n    detected:\n      "
                              "login_uid: -1\n")
            << u"6:18"_s << u"login_uid"_s;
        QTest::newRow("two documents")
            << QStringLiteral("name: lab\n---\nname: other\n") << u"2:1"_s << u"holds one document"_s;
    }

    void reportsProblemWithPlace()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, place);
        QFETCH(QString, fragment);

        const QStringList lines = diagnosticLines(yaml);
        const QString wanted = u"t.yaml:"_s + place + u": "_s;
        const bool found = std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return line.startsWith(wanted) && line.contains(fragment);
        });
        QVERIFY2(found,
                 qPrintable(u"wanted "_s + wanted + u"..."_s + fragment + u"\ngot:\n"_s + lines.join(u'\n')));

        const Result<Cluster> loaded = ClusterFile::loadFromString(yaml, QStringLiteral("t.yaml"));
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, Error::Code::Parse);
        QCOMPARE(loaded.error().detail, lines.join(u'\n'));
    }

    void reportsEveryProblemAtOnce()
    {
        const QString path = fixture(QStringLiteral("many-problems.yaml"));
        const Result<Cluster> loaded = ClusterFile::load(path);
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, Error::Code::Parse);
        const QString p = path + u':';
        const QStringList lines = loaded.error().detail.split(u'\n');
        QVERIFY2(lines.size() >= 8, qPrintable(loaded.error().detail));
        const QStringList fragments = {
            u"3:11: host name 'gpu_box' is not a valid Slurm node name"_s,
            u"3:5: host 'gpu_box' has no 'address'"_s,
            u"4:5: unknown key 'adress' (did you mean 'address'?)"_s,
            u"5:11: 'port' is out of range"_s,
            u"9:15: unknown platform 'windows'"_s,
            u"10:13: unknown role 'computer' (did you mean 'compute'?)"_s,
            u"13:22: partition 'main' names unknown host 'ghost'"_s,
            u"15:3: 'munge_key' looks like a secret"_s,
        };
        for (const QString &fragment : fragments) {
            QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                                 [&](const QString &line) { return line.startsWith(p + fragment); }),
                     qPrintable(fragment + u"\nnot in:\n"_s + loaded.error().detail));
        }
        QVERIFY(loaded.error().message.contains(QString::number(lines.size()) + u" problems"_s));
    }

    void syntaxErrorFileHasItsPlace()
    {
        const QString path = fixture(QStringLiteral("syntax-error.yaml"));
        const Result<Cluster> loaded = ClusterFile::load(path);
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, Error::Code::Parse);
        QVERIFY2(loaded.error().detail.startsWith(path + u":5:9: YAML syntax error: "_s),
                 qPrintable(loaded.error().detail));
    }

    void rejectsSecretKeys()
    {
        const QString path = fixture(QStringLiteral("secrets.yaml"));
        const Result<Cluster> loaded = ClusterFile::load(path);
        QVERIFY(!loaded.has_value());
        const QString detail = loaded.error().detail;
        QVERIFY2(detail.contains(path + u":5:5: 'password' looks like a secret"_s), qPrintable(detail));
        QVERIFY2(detail.contains(path + u":10:5: 'root_password' looks like a secret"_s), qPrintable(detail));
        QVERIFY2(detail.contains(path + u":11:3: 'api_token' looks like a secret"_s), qPrintable(detail));
        QVERIFY(detail.contains(u"secrets live in the OS keychain"_s));
        // The secret itself is never repeated back.
        QVERIFY(!detail.contains(u"hunter2"_s));
        QVERIFY(!loaded.error().message.contains(u"hunter2"_s));
        // A secret key is reported as a secret, not also as an unknown key.
        QVERIFY(!detail.contains(u"unknown key 'password'"_s));
    }

    void missingFileSaysHowToCreateOne()
    {
        QTemporaryDir dir;
        const Result<Cluster> loaded = ClusterFile::load(dir.filePath(QStringLiteral("none.yaml")));
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, Error::Code::NotFound);
        QVERIFY(loaded.error().message.contains(u"slurmdeck-cli init"_s));
    }

    void unreadableFileIsAnIoError()
    {
        QTemporaryDir dir;
        // A directory exists but cannot be read as a file, even by root.
        const Result<Cluster> loaded = ClusterFile::load(dir.path());
        QVERIFY(!loaded.has_value());
        QVERIFY(loaded.error().code == Error::Code::Io || loaded.error().code == Error::Code::Parse);
    }

    void roundTripIsLossless()
    {
        const Result<Cluster> first = ClusterFile::load(fixture(QStringLiteral("valid-full.yaml")));
        QVERIFY(first.has_value());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.yaml"));
        const Result<void> saved = ClusterFile::save(*first, path);
        QVERIFY2(saved.has_value(), qPrintable(saved ? QString() : saved.error().toString()));
        const QByteArray firstBytes = readAll(path);

        const Result<Cluster> second = ClusterFile::load(path);
        QVERIFY2(second.has_value(), qPrintable(second ? QString() : second.error().toString()));
        QVERIFY2(*second == *first, firstBytes.constData());

        QVERIFY(ClusterFile::save(*second, path).has_value());
        QCOMPARE(readAll(path), firstBytes);
    }

    void writtenFileIsReadable()
    {
        const Result<Cluster> loaded = ClusterFile::load(fixture(QStringLiteral("valid-full.yaml")));
        QVERIFY(loaded.has_value());
        const QString yaml = QString::fromUtf8(ClusterFile::toYaml(*loaded));
        QVERIFY(yaml.startsWith(u"# SlurmDeck cluster file"_s));
        QVERIFY(yaml.contains(u"Only this header survives a save"_s));
        QVERIFY2(yaml.contains(u"\nname: seed-lab\nhosts:\n  - name: gpu-box\n    address: 192.168.1.20\n"_s),
                 qPrintable(yaml));
        QVERIFY(yaml.contains(u"    roles: [controller, database, compute, monitoring]\n"_s));
        QVERIFY(yaml.contains(u"    nodes: ALL\n    default: true\n"_s));
        QVERIFY(yaml.contains(u"    nodes: [nas1, nas2]\n"_s));
        QVERIFY(yaml.contains(u"    port: 2222\n"_s));
        QVERIFY(!yaml.contains(u"port: 22\n"_s)); // defaults are left out
        QVERIFY(yaml.indexOf(u"\nhosts:"_s) < yaml.indexOf(u"\npartitions:"_s));
        QVERIFY(yaml.indexOf(u"\npartitions:"_s) < yaml.indexOf(u"\nsettings:"_s));
    }

    // Nested aliases grow exponentially when expanded (52 s before they were refused): the
    // reader must refuse them from the event stream, without building the tree.
    void nestedAliasesAreRefusedQuickly()
    {
        QString yaml = QStringLiteral("name: lab\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; ++i)
            yaml += QStringLiteral("a%1: &a%1 [*a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2]\n")
                        .arg(i)
                        .arg(i - 1);
        QElapsedTimer timer;
        timer.start();
        const QList<Diagnostic> problems = ClusterFile::validate(yaml, u"laughs.yaml"_s);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().line, 2);
        QVERIFY(problems.first().message.contains(u"anchors"_s));
    }

    void awkwardValuesRoundTrip()
    {
        Cluster cluster = sampleCluster();
        // Cluster names are plain ([A-Za-z0-9_-]); free text goes through the keychain service.
        cluster.name = QStringLiteral("0_lab-x");
        cluster.settings.keychainService = QStringLiteral("lab: \"quoted\" # not a comment");
        cluster.hosts[0].name = QStringLiteral("null");
        cluster.hosts[0].address = QStringLiteral("true");
        cluster.hosts[0].identity = QStringLiteral("/keys/ünïcødé key");
        cluster.hosts[0].user = QStringLiteral("022");
        cluster.hosts[0].port = 65535;
        cluster.hosts[1].detected.gpuModel = QStringLiteral("[NVIDIA] A100: 80GB");
        cluster.hosts[1].detected.memoryMib = qint64(1) << 33;
        cluster.partitions.append(
            {QStringLiteral("long_jobs"), {QStringLiteral("gpu")}, false, QStringLiteral("90")});
        cluster.settings.remoteDirectory = QStringLiteral("/share/CACHEDEV1_DATA/slurm deck");
        cluster.settings.pollIntervalSeconds = 3600;

        const QString yaml = QString::fromUtf8(ClusterFile::toYaml(cluster));
        const Result<Cluster> loaded = ClusterFile::loadFromString(yaml, u"awkward.yaml"_s);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? yaml : loaded.error().detail + u'\n' + yaml));
        QVERIFY2(*loaded == cluster, qPrintable(yaml));
        QCOMPARE(ClusterFile::toYaml(*loaded), yaml.toUtf8());
    }

    // What the container engine provides (a Mac's Docker VM) is kept in the file.
    void engineResourcesRoundTrip()
    {
        Cluster cluster = sampleCluster();
        cluster.hosts[0].detected.cpus = 8;
        cluster.hosts[0].detected.engineCpus = 4;
        cluster.hosts[0].detected.engineMemoryMib = 7851;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.yaml"));
        SLURMDECK_VERIFY_OK(ClusterFile::save(cluster, path));
        QVERIFY(readAll(path).contains("engine_cpus: 4"));
        const Result<Cluster> loaded = ClusterFile::load(path);
        SLURMDECK_VERIFY_OK(loaded);
        QCOMPARE(loaded->hosts.at(0).detected, cluster.hosts.at(0).detected);
    }

    // Who the login is (uid, home) is kept: where an ordinary user's files go.
    void loginFactsRoundTrip()
    {
        Cluster cluster = sampleCluster();
        cluster.hosts[0].detected.loginUid = 1000;
        cluster.hosts[0].detected.home = QStringLiteral("/home/alice smith");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("login.yaml"));
        SLURMDECK_VERIFY_OK(ClusterFile::save(cluster, path));
        QVERIFY(readAll(path).contains("login_uid: 1000"));
        const Result<Cluster> loaded = ClusterFile::load(path);
        SLURMDECK_VERIFY_OK(loaded);
        QCOMPARE(loaded->hosts.at(0).detected, cluster.hosts.at(0).detected);
    }

    void emptyClusterRoundTrips()
    {
        Cluster cluster;
        cluster.name = QStringLiteral("empty");
        const Result<Cluster> loaded =
            ClusterFile::loadFromString(QString::fromUtf8(ClusterFile::toYaml(cluster)), u"e.yaml"_s);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().detail));
        QVERIFY(*loaded == cluster);
    }

    void survivesMutatedInput()
    {
        const QByteArray valid = readAll(fixture(QStringLiteral("valid-full.yaml")));
        QVERIFY(!valid.isEmpty());
        QRandomGenerator random(20240601);
        const QByteArray alphabet = " \t\n:-[]{},#&*!|>'\"%@`?~0123456789abcdefALLtrue\\\x01\xff";
        int loaded = 0;
        int rejected = 0;
        for (int round = 0; round < 2000; ++round) {
            QByteArray text = valid;
            switch (round % 5) {
            case 0: // truncate
                text.truncate(random.bounded(text.size() + 1));
                break;
            case 1: // flip a few bytes
                for (int i = 0, n = 1 + random.bounded(4); i < n; ++i)
                    text[random.bounded(text.size())] = alphabet.at(random.bounded(alphabet.size()));
                break;
            case 2: // insert a few bytes
                for (int i = 0, n = 1 + random.bounded(4); i < n; ++i)
                    text.insert(random.bounded(text.size() + 1),
                                alphabet.at(random.bounded(alphabet.size())));
                break;
            case 3: // delete a chunk
                text.remove(random.bounded(text.size()), 1 + random.bounded(40));
                break;
            default: // pure garbage
                text.resize(random.bounded(400));
                for (char &c : text)
                    c = alphabet.at(random.bounded(alphabet.size()));
                break;
            }
            const Result<Cluster> result =
                ClusterFile::loadFromString(QString::fromUtf8(text), QStringLiteral("fuzz.yaml"));
            if (result.has_value()) {
                ++loaded;
                // Whatever loads must save and load back to the same model.
                const Result<Cluster> again =
                    ClusterFile::loadFromString(QString::fromUtf8(ClusterFile::toYaml(*result)), u"again"_s);
                QVERIFY2(again.has_value() && *again == *result, text.constData());
            } else {
                ++rejected;
                QVERIFY(!result.error().detail.isEmpty());
                QVERIFY(result.error().detail.startsWith(u"fuzz.yaml:"_s));
            }
        }
        QVERIFY(loaded > 0);
        QVERIFY(rejected > 0);
        qInfo("fuzz: %d loaded, %d rejected", loaded, rejected);
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
