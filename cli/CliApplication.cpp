// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliApplication.h"

#include "cli/AdoptCommand.h"

#include "cli/BackupCommand.h"
#include "cli/CliCommand.h"
#include "cli/ClustersCommand.h"
#include "cli/CompletionScripts.h"
#include "cli/DeployCommand.h"
#include "cli/DiscoverCommand.h"
#include "cli/DoctorCommand.h"
#include "cli/DownCommand.h"
#include "cli/HistoryCommand.h"
#include "cli/HostsAddCommand.h"
#include "cli/HostsCommand.h"
#include "cli/HostsListCommand.h"
#include "cli/InitCommand.h"
#include "cli/JobsCommand.h"
#include "cli/MetricsCommand.h"
#include "cli/NodesCommand.h"
#include "cli/PlanCommand.h"
#include "cli/RemoveCommand.h"
#include "cli/SandboxCommand.h"
#include "cli/ServicesCommand.h"
#include "cli/StatusCommand.h"
#include "cli/SubmitCommand.h"
#include "cli/UpgradeCommand.h"
#include "common/ApplicationInfo.h"
#include "ssh/CommandTrace.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace SlurmDeck {

namespace {

// Takes `--cluster FILE` / `--cluster=FILE` out of the arguments, wherever it stands.
std::optional<QString> extractClusterOption(QStringList &arguments, QString *error)
{
    std::optional<QString> cluster;
    for (qsizetype i = 0; i < arguments.size();) {
        const QString &argument = arguments.at(i);
        if (argument == u"--cluster") {
            if (i + 1 >= arguments.size()) {
                *error = QCoreApplication::translate("CliApplication", "--cluster wants a FILE.");
                return std::nullopt;
            }
            cluster = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else if (argument.startsWith(QLatin1String("--cluster="))) {
            cluster = argument.mid(10);
            arguments.remove(i);
        } else {
            ++i;
        }
    }
    return cluster.value_or(QString());
}

// Takes -v/--verbose out of the arguments, wherever it is; true when it was there.
bool extractVerboseOption(QStringList &arguments)
{
    const qsizetype before = arguments.size();
    arguments.removeIf([](const QString &argument) { return argument == u"-v" || argument == u"--verbose"; });
    return arguments.size() != before;
}

} // namespace

CliApplication::CliApplication(QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent), m_out(out), m_err(err)
{}

QString CliApplication::helpText() const
{
    return QCoreApplication::translate(
               "CliApplication",
               "Usage: slurmdeck-cli [--cluster FILE|NAME] <command> [options]\n"
               "\n"
               "SlurmDeck %1, headless front. It drives the same core as the slurmdeck GUI.\n"
               "\n"
               "Options:\n"
               "  -h, --help          Show this help and exit.\n"
               "  --version           Show the version and exit.\n"
               "  -v, --verbose       Print each command run on a host to stderr, as it is sent\n"
               "                      (\"+ HOST: COMMAND\"; secrets never travel on a command line).\n"
               "  --cluster FILE|NAME The cluster file to use: a path, or NAME for NAME.yaml in\n"
               "                      ~/.config/SlurmDeck/clusters (default: $SLURMDECK_CLUSTER,\n"
               "                      else %2).\n"
               "\n"
               "Commands:\n"
               "  discover [--subnet CIDR | HOST...] [--user U] [--identity FILE] [--port P]\n"
               "           [--ssh-config FILE] [--accept-new-host-keys] [--json]\n"
               "                      Find hosts over SSH and print what each one is.\n"
               "  init NAME [HOST... | --subnet CIDR] [same login options] [--slurm-release R]\n"
               "       [--force] [--json]\n"
               "                      Discover hosts and write a cluster file with default roles;\n"
               "                      Slurm 22.05 (default) or 24.11 (--slurm-release 24.11).\n"
               "  plan [--json] [--files] [--diff]\n"
               "                      Show what a deploy puts on each host (secrets never shown);\n"
               "                      --diff compares with the hosts, read-only.\n"
               "  deploy [--hosts H,...] [--images build|present|transfer|from:HOST]\n"
               "         [--base-image IMAGE] [--slurm-base-image IMAGE] [--no-verify] [--yes]\n"
               "         [--json]\n"
               "                      Deploy the cluster and verify it works. The hosts build the\n"
               "                      images (default), or get them from here (transfer) or a host.\n"
               "  upgrade [--images ...] [--base-image IMAGE] [--slurm-base-image IMAGE] [--wait D]\n"
               "          [--yes]\n"
               "                      Move the running cluster onto new images without losing a job:\n"
               "                      deploy, then slurmdbd, slurmctld and each node in turn (drained,\n"
               "                      its jobs waited for, slurmd recreated, resumed).\n"
               "  rotate-munge-key [--images ...] [--base-image IMAGE] [--slurm-base-image IMAGE]\n"
               "                   [--no-verify] [--yes]\n"
               "                      Deploy a new munge key to every host; the daemons restart\n"
               "                      with it (drain first: running jobs are killed).\n"
               "  services [HOST] [start|stop|restart|logs [-f] [--tail N]] [SERVICE]\n"
               "                      List the services and whether they run, or act on them.\n"
               "  down [--yes] [--json]\n"
               "                      Stop the cluster on every host; its data is kept.\n"
               "  remove [--purge-data] [--yes] [--json]\n"
               "                      Remove the cluster's containers and configuration from every\n"
               "                      host; its data is kept unless --purge-data.\n"
               "  status [--json]     Nodes, partitions, job counts and each source's health with\n"
               "                      its age (ssh, slurmctld, slurmdbd).\n"
               "  doctor [--json] [--fix [--yes]]\n"
               "                      What is wrong (nodes refused, silent or drained, jobs that will\n"
               "                      not start, hosts unreachable, services stopped, ports taken,\n"
               "                      munge keys or clocks apart, disks full), why, and the fix;\n"
               "                      --fix starts stopped services after asking.\n"
               "  nodes [--json] [drain NODES --reason R | resume NODES | down NODES --reason R |\n"
               "        stop NODES --reason R [--wait D] | start NODES [--wait D]]\n"
               "                      List the nodes, or act on some: names or Slurm hostlists\n"
               "                      ('worker[1-3]') (stop: drain, wait for their jobs, stop slurmd;\n"
               "                      start: start slurmd, wait, resume).\n"
               "  jobs [--json] | cancel IDS | hold IDS | release IDS | requeue IDS | show ID [--json] |\n"
               "       output ID [--lines N]\n"
               "                      The queue, or act on jobs (one or more ids); show explains a\n"
               "                      pending reason.\n"
               "  submit SCRIPT|- [--job-name N] [-p P] [-N N] [-n N] [-c N] [--mem MB|4G]\n"
               "         [--gpus [TYPE:]N] [-t T] [-D DIR] [-o F] [-e F] [--export VARS] [-a SPEC]\n"
               "                      Check a batch job against the partitions and nodes, submit it\n"
               "                      with sbatch and print its id.\n"
               "  adopt HOST [--user U] [--identity FILE] [--name CLUSTER] [--force] [--yes]\n"
               "                      Manage a cluster another machine deployed: read its description\n"
               "                      on its controller HOST and copy its secrets into this keychain.\n"
               "  hosts [list] [--json]\n"
               "                      The cluster file's hosts: login, platform, CPUs, memory, GPUs\n"
               "                      and roles (no host is contacted).\n"
               "  hosts add HOST... [--roles ROLES] [--user U] [--identity FILE] [--port P]\n"
               "            [--images MODE] [--yes]\n"
               "                      Grow the running cluster: fingerprint the hosts, add them to\n"
               "                      the cluster file (compute by default) and deploy; running\n"
               "                      jobs go on.\n"
               "  hosts remove HOST [--wait D] [--force] [--images MODE] [--yes]\n"
               "                      Take a compute host out of the running cluster: drain it, wait\n"
               "                      for its jobs, stop its containers, drop it from the cluster\n"
               "                      file and deploy the other hosts.\n"
               "  backup FILE [--force] [--with-secrets [--passphrase-file FILE]]\n"
               "                      Write the accounting database, slurmctld's state (the queue)\n"
               "                      and the cluster file into FILE; the munge key and database\n"
               "                      password only with --with-secrets, sealed with a passphrase.\n"
               "  restore FILE [--yes] | --secrets-only [--passphrase-file FILE] [--force]\n"
               "                      Put a backup's accounting records and queue back onto the\n"
               "                      deployed cluster of the same name; --secrets-only puts its\n"
               "                      sealed secrets into this machine's keychain instead.\n"
               "  history [--since DURATION] [--json]\n"
               "                      Jobs from accounting in the window (30m, 2h, 7d; default 1d).\n"
               "                      plan ... history also take [--ssh-config FILE]\n"
               "                      [--accept-new-host-keys] [--timeout SECONDS].\n"
               "  metrics QUERY [--range DURATION] [--step S] [--json] [--url URL]\n"
               "                      Query the cluster's Prometheus (monitoring host, port 9090).\n"
               "  sandbox up|down|status\n"
               "                      A sandbox cluster on this machine (Linux, root): emulated hosts\n"
               "                      like the seed's, deployed by SlurmDeck; no other machines needed.\n"
               "  clusters [--json]   The cluster files in ~/.config/SlurmDeck/clusters.\n"
               "  completions bash|zsh\n"
               "                      The shell's completion script (the package installs both).\n"
               "  help COMMAND        That command's help (as COMMAND --help).\n"
               "  version             Show the versions of SlurmDeck and of the libraries it runs\n"
               "                      with (Qt, libssh, yaml-cpp, QtKeychain).\n"
               "\n"
               "Run 'slurmdeck-cli <command> --help' for a command's options.\n")
        .arg(applicationVersion(), QStringLiteral("~/.config/SlurmDeck/clusters/default.yaml"));
}

void CliApplication::finish(int exitCode)
{
    m_out.flush();
    m_err.flush();
    // Always asynchronous, so callers can connect to finished() after start().
    QTimer::singleShot(0, this, [this, exitCode] { emit finished(exitCode); });
}

void CliApplication::interrupt()
{
    m_err << QCoreApplication::translate("CliApplication", "Interrupted (Ctrl+C again quits at once).\n");
    m_err.flush();
    if (m_command)
        m_command->interrupt();
    else
        finish(CliInterrupted);
}

void CliApplication::start(const QStringList &arguments)
{
    QStringList rest = arguments.mid(1);
    QString error;
    const std::optional<QString> cluster = extractClusterOption(rest, &error);
    if (!cluster) {
        m_err << error << u'\n';
        finish(CliUsage);
        return;
    }
    if (extractVerboseOption(rest)) {
        // Each command on a host, as it is sent ("+ host: command"), straight to stderr: the
        // workers that send them call this, so not through m_err, which is this thread's.
        CommandTrace::setSink([](const QString &host, const QString &command) {
            const QByteArray line = QStringLiteral("+ %1: %2\n")
                                        .arg(host, QString(command).replace(u'\n', QStringLiteral("\n    ")))
                                        .toUtf8();
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fflush(stderr);
        });
    }

    // `help COMMAND` is `COMMAND --help`.
    if (rest.value(0) == u"help" && rest.size() == 2)
        rest = QStringList{rest.at(1), QStringLiteral("--help")};
    const QString first = rest.value(0);
    if (first.isEmpty() || first == u"-h" || first == u"--help" || first == u"help") {
        m_out << helpText();
        finish(CliOk);
        return;
    }
    if (first == u"--version") {
        m_out << QStringLiteral("slurmdeck-cli ") << applicationVersion() << u'\n';
        finish(CliOk);
        return;
    }
    if (first == u"completions") {
        const QString shell = rest.value(1);
        if (rest.size() != 2 || (shell != u"bash" && shell != u"zsh")) {
            m_err << QCoreApplication::translate("CliApplication",
                                                 "completions wants one of: bash, zsh. For example: "
                                                 "slurmdeck-cli completions bash > ~/.local/share/"
                                                 "bash-completion/completions/slurmdeck-cli\n");
            finish(CliUsage);
            return;
        }
        m_out << (shell == u"bash" ? Completion::bashScript() : Completion::zshScript());
        finish(CliOk);
        return;
    }
    if (first == u"version") {
        m_out << componentVersions() << u'\n';
        finish(CliOk);
        return;
    }
    if (first == u"discover")
        m_command = new DiscoverCommand(this);
    else if (first == u"init")
        m_command = new InitCommand(this);
    else if (first == u"metrics")
        m_command = new MetricsCommand(this);
    else if (first == u"plan")
        m_command = new PlanCommand(this);
    else if (first == u"deploy")
        m_command = new DeployCommand(DeployCommand::Mode::Deploy, this);
    else if (first == u"upgrade")
        m_command = new UpgradeCommand(this);
    else if (first == u"rotate-munge-key")
        m_command = new DeployCommand(DeployCommand::Mode::RotateMungeKey, this);
    else if (first == u"services")
        m_command = new ServicesCommand(this);
    else if (first == u"down")
        m_command = new DownCommand(this);
    else if (first == u"remove")
        m_command = new RemoveCommand(this);
    else if (first == u"sandbox")
        m_command = new SandboxCommand(this);
    else if (first == u"status")
        m_command = new StatusCommand(this);
    else if (first == u"doctor")
        m_command = new DoctorCommand(this);
    else if (first == u"nodes")
        m_command = new NodesCommand(this);
    else if (first == u"jobs")
        m_command = new JobsCommand(this);
    else if (first == u"adopt")
        m_command = new AdoptCommand(this);
    else if (first == u"hosts" && rest.value(1) == u"add")
        m_command = new HostsAddCommand(this);
    // `hosts`, `hosts list` and `hosts --json` list; options before `remove` still remove.
    else if (first == u"hosts" && (rest.value(1) == u"list" ||
                                   std::all_of(rest.cbegin() + 1, rest.cend(),
                                               [](const QString &word) { return word.startsWith(u'-'); })))
        m_command = new HostsListCommand(this);
    else if (first == u"hosts")
        m_command = new HostsCommand(this);
    else if (first == u"backup")
        m_command = new BackupCommand(BackupCommand::Mode::Backup, this);
    else if (first == u"restore")
        m_command = new BackupCommand(BackupCommand::Mode::Restore, this);
    else if (first == u"history")
        m_command = new HistoryCommand(this);
    else if (first == u"submit")
        m_command = new SubmitCommand(this);
    else if (first == u"clusters")
        m_command = new ClustersCommand(this);
    if (!m_command) {
        m_err << QCoreApplication::translate(
                     "CliApplication", "slurmdeck-cli: unknown %1 '%2'. Run 'slurmdeck-cli --help' for the "
                                       "list of commands.\n")
                     .arg(first.startsWith(u'-') ? QStringLiteral("option") : QStringLiteral("command"),
                          first);
        finish(CliUsage);
        return;
    }
    connect(m_command, &CliCommand::finished, this, &CliApplication::finish);
    m_command->start(CliContext{rest.mid(1), *cluster, &m_out, &m_err});
}

} // namespace SlurmDeck
