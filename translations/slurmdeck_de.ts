<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Area</name>
    <message>
        <location filename="../ui/views/Area.cpp" line="+18"/>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <location filename="../core/cli/CliApplication.cpp" line="+28"/>
        <source>--cluster wants a FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Usage: slurmdeck-cli [--cluster FILE] &lt;command&gt; [options]

SlurmDeck %1, headless front. It drives the same core as the slurmdeck GUI.

Options:
  -h, --help          Show this help and exit.
  -v, --version       Show the version and exit.
  --cluster FILE      The cluster file to use (default: %2).

Commands:
  discover [--subnet CIDR | HOST...] [--user U] [--identity FILE] [--port P]
           [--ssh-config FILE] [--accept-new-host-keys] [--json]
                      Find hosts over SSH and print what each one is.
  init NAME [HOST... | --subnet CIDR] [same login options] [--force]
                      Discover hosts and write a cluster file with default roles.
  plan [--json] [--files] [--diff]
                      Show what a deploy puts on each host (secrets never shown);
                      --diff compares with the hosts, read-only.
  deploy [--hosts H,...] [--no-verify] [--yes]
                      Deploy the cluster and verify it works.
  services [HOST] [start|stop|restart|logs [-f] [--tail N]] [SERVICE]
                      List the services and whether they run, or act on them.
  down [--yes]        Stop the cluster on every host; its data is kept.
                      These four also take [--ssh-config FILE] [--accept-new-host-keys]
                      [--timeout SECONDS].
  sandbox up|down|status
                      A sandbox cluster on this machine (Linux, root): emulated hosts
                      like the seed&apos;s, deployed by SlurmDeck; no other machines needed.
  version             Show the versions of SlurmDeck and of the libraries it runs
                      with (Qt, libssh, yaml-cpp, QtKeychain).

Run &apos;slurmdeck-cli &lt;command&gt; --help&apos; for a command&apos;s options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+87"/>
        <source>slurmdeck-cli: unknown %1 &apos;%2&apos;. Run &apos;slurmdeck-cli --help&apos; for the list of commands.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Deploy</name>
    <message>
        <location filename="../core/deploy/DeployTypes.cpp" line="+11"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pushing files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>providing images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeploySummary</name>
    <message>
        <location filename="../ui/views/DeploySummary.cpp" line="+9"/>
        <source>1 host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing changed: %1 already up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in %2 (not verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 passed in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deploy cancelled after %1 (%2 deployed; cancelled on %3). Press Deploy to resume: finished hosts are left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 deployed in %3; failed: %4. Read the host&apos;s message and the log, fix the cause, then press Deploy again: hosts that finished are left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 failed, %2 passed: %3. The detail column says what was seen; fix it and deploy again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscoverCommand</name>
    <message>
        <location filename="../core/cli/DiscoverCommand.cpp" line="+20"/>
        <source>%1 CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no docker engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Find and fingerprint hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address or ~/.ssh/config alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No SSH server answered.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscoveredHost</name>
    <message>
        <location filename="../core/discovery/DiscoveredHost.cpp" line="+32"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host key not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host key CHANGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probe failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscoveryRun</name>
    <message>
        <location filename="../core/cli/DiscoveryRun.cpp" line="+33"/>
        <source>Discovering %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>To trust hosts seen for the first time, check their fingerprints and run again with --accept-new-host-keys.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsView</name>
    <message>
        <location filename="../ui/views/MetricsView.cpp" line="+22"/>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <location filename="../core/inventory/Platform.cpp" line="+40"/>
        <source>Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>macOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QNAP QTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/Screenshot.cpp" line="+16"/>
        <source>Could not render the window: the platform produced no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write the screenshot to %1. Check that the directory exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot encode the screenshot as PNG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write the screenshot to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/ssh/SshConnection.cpp" line="+357"/>
        <location filename="../core/ssh/SshFileTransfer.cpp" line="+62"/>
        <source>Not connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/ssh/SshFileTransfer.cpp" line="+6"/>
        <source>%1 offers no SFTP. Enable the sftp subsystem in its sshd_config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SFTP on %1 did not start. Enable the sftp subsystem in its sshd_config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 on %2 exists and is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the directory %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot create %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/ssh/SshConnection.cpp" line="-166"/>
        <location line="+194"/>
        <location line="+59"/>
        <location filename="../core/ssh/SshFileTransfer.cpp" line="+6"/>
        <location line="+61"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/ssh/SshFileTransfer.cpp" line="-56"/>
        <source>Writing %1 on %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot set the mode of %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot move the new %1 into place on %2; the old file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot open %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading %1 on %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2 is larger than %3 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/ssh/SshConnection.cpp" line="-332"/>
        <source>Cannot create an SSH session (out of memory?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid SSH setting %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No host name or address given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The SSH config file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the SSH config file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot reach %1 on port %2. Check that the machine is on, that its SSH server runs on that port and that no firewall blocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 sent no host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot hash the host key of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The host key of %1 has CHANGED: it now presents %2 %3, which does not match the key recorded for it. Someone may be intercepting the connection, or the machine was reinstalled. SlurmDeck will not connect. Check the key at the machine with &apos;%4&apos;; if it is right, remove the old entry with &apos;ssh-keygen -R %5&apos; and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the known_hosts files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The host key of %1 is not known (%2 %3). Verify it at the machine with &apos;%4&apos; before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancelled while asking about a host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rejected; nothing was sent to the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot record the host key of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 closed the connection during login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ssh-agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default keys in ~/.ssh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key login to %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled during login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot log in to %1 (tried: %2). Add your public key to the user&apos;s ~/.ssh/authorized_keys there (ssh-copy-id %1), start ssh-agent with your key, or choose a key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing the server accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open an SSH channel to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 refused to run a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sending input to %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timed out sending input to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The connection to %1 broke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The command on %1 did not finish within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/deploy/ClusterVerifier.cpp" line="+42"/>
        <source>slurmctld answers (scontrol ping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>every compute node registered and idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>idle: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not idle: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a job runs on all %1 nodes (srun -N%1 hostname)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>accounting records the job (sacct)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>every Prometheus target is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 of %2 targets up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/deploy/LocalImages.cpp" line="+32"/>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot create the image cache %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image %1 is not in this machine&apos;s Docker, so it cannot be sent to the hosts. Build it with compose-templates/build-images.sh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>docker save %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/deploy/DeployRunner.cpp" line="+281"/>
        <source>The service %1 on %2 did not stay up. Its last log lines are below; fix the cause and deploy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/deploy/HostDeployer.cpp" line="+77"/>
        <source>connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The host check on %1 printed nothing usable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no Docker CLI. Install Docker (Linux: docker.io or Docker Engine; macOS: Docker Desktop, Colima or OrbStack; QNAP: Container Station).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Docker on %1 does not answer. Start it, and make sure the SSH user may use it (Linux: in the &apos;docker&apos; group).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has no Docker Compose. Install the Compose plugin (docker compose) or docker-compose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is %2; SlurmDeck&apos;s images are built for x86_64 and aarch64 hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of unknown architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The clock of %1 is %2 s off. Munge refuses credentials from clocks that far apart: enable NTP on it (timedatectl set-ntp true).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ports %1 on %2 are taken by another program. Stop it (find it with &apos;ss -ltnp&apos;) or move the service to another host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2, %3, Docker %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The image %1 on %2 is built for %3, but the host is %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image %1 is not on %2. Build it there (compose-templates/build-images.sh) or let SlurmDeck transfer it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image %1 is not available on this machine to send to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>docker load of %1 failed on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>docker ps failed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>docker inspect failed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>starting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compose could not start the services on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>restarting %1 (configuration changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compose could not restart the services on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/discovery/HostFingerprinter.cpp" line="+73"/>
        <source>The fingerprint probe on %1 printed nothing usable (%2). Its login shell must be a POSIX shell (sh, bash, zsh, ash).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/render/ClusterPlanner.cpp" line="+146"/>
        <source>The cluster has no hosts yet. Discover or add hosts first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No host has the controller role. Give one host the controller role (or reset roles to the defaults).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The munge key is missing; it comes from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The accounting database password is missing; it comes from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>GPU metrics: no GPU exporter is packaged in Debian, so none is deployed; the GPUs view reads nvidia-smi over SSH instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grafana is optional and not deployed (no Debian package; the upstream image needs internet access).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/render/TemplateSource.cpp" line="+15"/>
        <source>The template %1 is missing from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SlurmDeck&apos;s built-in templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/secrets/SecretStore.cpp" line="+17"/>
        <source>The OS keychain could not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> No keychain service is running: on Linux start a Secret Service (GNOME Keyring or KWallet) in your desktop session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>read a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>store a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>delete a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/DownCommand.cpp" line="+51"/>
        <source>nothing deployed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Compose could not take the services down on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing was running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/cli/ServicesCommand.cpp" line="+227"/>
        <source>stopped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/ServicesCommand.cpp" line="-206"/>
        <source>Compose could not %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>read the logs of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+167"/>
        <source>%1 running already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>restarted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>read the logs of %1 (is the cluster deployed?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <location filename="../core/sandbox/SandboxSetup.cpp" line="+20"/>
        <source>The sandbox runs on Linux only: it emulates hosts with network namespaces and Docker engines. On this system, point SlurmDeck at real machines instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sandbox needs root: it creates network namespaces and Docker engines. Run it again with sudo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The sandbox scripts (lab.sh, build-images.sh) are not installed. Set SLURMDECK_SHARE_DIR to the directory holding lab/ and compose-templates/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read the lab&apos;s host keys; bring the lab up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot write SlurmDeck&apos;s known hosts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::ClusterCommand</name>
    <message>
        <location filename="../core/cli/ClusterCommand.cpp" line="+40"/>
        <source>Read this OpenSSH client config instead of ~/.ssh/config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust and remember host keys seen for the first time (like OpenSSH&apos;s StrictHostKeyChecking=accept-new). Changed keys are always refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds to wait for each SSH connection (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>--timeout wants seconds from 1 to 600.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>There is no cluster file at %1. Write one with &apos;slurmdeck-cli init NAME HOST...&apos;, or name yours with --cluster FILE.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The cluster %1 in %2 has no hosts. Add them with &apos;slurmdeck-cli init&apos; or in the slurmdeck GUI.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot prepare the cluster&apos;s plan: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 is not a host of this cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>To trust hosts seen for the first time, check their fingerprints and run again with --accept-new-host-keys.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::ClusterDocument</name>
    <message>
        <location filename="../core/inventory/ClusterDocument.cpp" line="+31"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose where to save the cluster first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&quot;%1&quot; cannot be a host name: use letters, digits and &apos;-&apos; only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is already a host named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+43"/>
        <source>There is no host named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::DeployCommand</name>
    <message>
        <location filename="../core/cli/DeployCommand.cpp" line="+12"/>
        <source>Deploy only these hosts (comma-separated names from the cluster file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip the end-of-deploy checks (nodes idle, a test job, accounting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hosts have the images already: check them, send none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not ask for confirmation (needed without a terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deploy takes no arguments; choose hosts with --hosts H,... .
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>deploy changes the hosts and there is no terminal to confirm on: run it with --yes (&apos;slurmdeck-cli plan&apos; shows what it would do).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--hosts: %1 is not a host of the cluster; its hosts are %2.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deploying cluster %1 (compose project %2) to %3 of its %4 hosts:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>  note: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>
Verification:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>
Summary:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 files updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restarted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2 hosts done, %3 of %4 checks passed, in %5 s%6.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The deploy did not complete. Fix what is reported above and run &apos;slurmdeck-cli deploy&apos; again: hosts that are done are left alone.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::DeployRunner</name>
    <message>
        <location filename="../core/deploy/DeployRunner.cpp" line="+28"/>
        <source>slurmctld answers (scontrol ping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the controller host was not deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>verifying the cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::DiscoveryOptions</name>
    <message>
        <location filename="../core/cli/DiscoveryOptions.cpp" line="+17"/>
        <source>Scan the IPv4 subnet CIDR for SSH servers (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in as USER (default: ~/.ssh/config, else your user name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the private key FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH port (default: ~/.ssh/config, else 22).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read this OpenSSH client config instead of ~/.ssh/config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust and remember host keys seen for the first time (like OpenSSH&apos;s StrictHostKeyChecking=accept-new). Changed keys are always refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds to wait for each SSH connection (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This machine has no IPv4 network to scan. Name the hosts, or give --subnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--port wants a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--timeout wants seconds from 1 to 600.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::DownCommand</name>
    <message>
        <location filename="../core/cli/DownCommand.cpp" line="-55"/>
        <source>Do not ask for confirmation (needed without a terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>down takes no arguments: it stops the whole cluster. To stop one service, use &apos;slurmdeck-cli services HOST stop SERVICE&apos;.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>down stops the cluster and there is no terminal to confirm on: run it with --yes.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stop every service of %1 on %2 (data is kept)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was changed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>: FAILED: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cluster %1 is down; its data is kept. &apos;slurmdeck-cli deploy&apos; starts it again.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 hosts could not be reached or stopped; run &apos;slurmdeck-cli down&apos; again once they are back.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::InitCommand</name>
    <message>
        <location filename="../core/cli/InitCommand.cpp" line="+14"/>
        <source>Cluster name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address or ~/.ssh/config alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace an existing cluster file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>init wants a cluster NAME, e.g. slurmdeck-cli init homelab gpu-box macbook nas1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 exists already; use --force to replace it, or --cluster FILE to write another.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing was written: fix the hosts above or leave them out.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No host could be fingerprinted; nothing was written.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wrote %1 with %2 hosts:
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::PlanCommand</name>
    <message>
        <location filename="../core/cli/PlanCommand.cpp" line="+116"/>
        <source>plan never shows secrets: the munge key appears by its fingerprint and secret files by path, mode and size. They live in your OS keychain.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>JSON output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the content of every non-secret file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to each host (read-only) and show how its files differ from the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>plan takes no arguments; run &apos;slurmdeck-cli plan --help&apos;.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cluster %1 (%2): %3 hosts, compose project %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images: %1, %2, %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Munge key: %1 (from the OS keychain; never shown)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  directory:     %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  compose files: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  profiles:      %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  services:      %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  files:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  (secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>
Notes:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Run &apos;slurmdeck-cli plan --diff&apos; to compare with the hosts, &apos;slurmdeck-cli deploy&apos; to apply.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>: FAILED: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>  (secret: compared by SHA-256, not shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every host has the planned files.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 files differ from the plan; &apos;slurmdeck-cli deploy&apos; puts the planned ones in place.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::PortProber</name>
    <message>
        <location filename="../core/discovery/PortProber.cpp" line="+57"/>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::SandboxCommand</name>
    <message>
        <location filename="../core/cli/SandboxCommand.cpp" line="+19"/>
        <source>up, down or status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>
up builds a sandbox cluster on this machine — a primary host and three workers (one like a QNAP, one with the macOS networking), emulated with network namespaces and Docker engines — and deploys Slurm onto it. Needs Linux and root.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sandbox wants one of: up, down, status
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>lab status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sandbox cluster file: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no sandbox cluster file (%1)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <source>sandbox: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 failed (exit code %2); see the messages above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>bringing up the emulated hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linking this machine to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>building the images (from Debian packages; minutes the first time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>sandbox: discovering and fingerprinting the hosts
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>discovery failed; see the messages above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sandbox: deploying the cluster
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the deploy failed; see the report above. &apos;slurmdeck-cli sandbox up&apos; again resumes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sandbox ready. Cluster file: %1
Open it with: slurmdeck --cluster %1
Remove it with: slurmdeck-cli sandbox down
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unlinking this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removing the emulated hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sandbox removed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sandbox: stopping the cluster
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sandbox: the cluster did not stop cleanly; removing the hosts anyway
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::ServicesCommand</name>
    <message>
        <location filename="../core/cli/ServicesCommand.cpp" line="-173"/>
        <source>A host of the cluster (default: every host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>start, stop, restart or logs (default: list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A service, e.g. slurmd (default: all of the host&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>logs: keep printing new lines until Ctrl+C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>logs: how many of the last lines (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>services: unknown action &apos;%1&apos;; use start, stop, restart or logs.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>services: too many arguments; run &apos;slurmdeck-cli services --help&apos;.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>services logs wants a SERVICE, e.g. slurmdeck-cli services primary logs slurmctld
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>-f and --tail go with the logs action.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--tail wants a number of lines from 1 to 100000.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a host of the cluster; its hosts are %2.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not one of %2&apos;s services (%3).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No host of the cluster runs %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>HOST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SERVICE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unreachable: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>running, not in the plan (a deploy removes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>: FAILED: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::AboutDialog</name>
    <message>
        <location filename="../ui/dialogs/AboutDialog.cpp" line="+17"/>
        <source>About SlurmDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h2&gt;SlurmDeck %1&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turns a few mismatched machines into a working Slurm cluster, and runs it: discovery over SSH, generated Slurm and monitoring configuration, deploys with Docker Compose, live nodes, jobs, GPUs and charts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::ClusterHostsModel</name>
    <message>
        <location filename="../ui/models/ClusterHostsModel.cpp" line="+99"/>
        <source>Set by hand; detected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(ssh config)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User@port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::DeployHostsModel</name>
    <message>
        <location filename="../ui/models/DeployHostsModel.cpp" line="+125"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::DeployView</name>
    <message>
        <location filename="../ui/views/DeployView.cpp" line="+86"/>
        <source>Nothing planned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The cluster changed since it was planned. Press Plan (Ctrl+P) again before deploying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deploy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filter hosts and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Plan notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not deployed yet: plan, review the files, then Deploy (Ctrl+Shift+D).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What each host does during a deploy appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The cluster has no hosts yet. Add them in Hosts (Ctrl+1), then press Plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Planning %1: reading the cluster&apos;s secrets from the keychain and rendering every host&apos;s files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not plan %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Planned %1: %2 hosts, %3 files. Review them, then Deploy (Ctrl+Shift+D).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unlock your keychain (log in to the desktop session&apos;s keyring) so SlurmDeck can read the cluster&apos;s munge key and database password, then press Plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain answers in this session (GNOME Keyring, KWallet or the macOS Keychain). Start one, then press Plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix the cluster in Hosts (Ctrl+1): roles, partitions and host names must agree. Then press Plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check that the file or directory named above exists and can be read, then press Plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the problem above, then press Plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Deploy cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy %1 to %2? Changed files are replaced on the hosts (the previous version is kept), missing images are sent, and services whose files changed restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Deploying %1 to %2 hosts… (Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling: each host stops after the step it is in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Press Plan (Ctrl+P): SlurmDeck renders slurm.conf, the compose files and every other file each host gets, for you to review. Then Deploy (Ctrl+Shift+D) runs it with per-host progress and checks the cluster at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the machines in Hosts (Ctrl+1) first. Then Plan (Ctrl+P) renders every file each host gets, and Deploy (Ctrl+Shift+D) puts the cluster on them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::DiscoveredHostsModel</name>
    <message>
        <location filename="../ui/models/DiscoveredHostsModel.cpp" line="+104"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>engine down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform / OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Docker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::DiscoveryDialog</name>
    <message>
        <location filename="../ui/dialogs/DiscoveryDialog.cpp" line="+56"/>
        <source>&amp;Scan subnet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;These hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add selected to cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discover machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a host to see what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanned %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fingerprinted %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>What to discover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. 192.168.1.0/24, several separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addresses or ~/.ssh/config aliases, one a line or separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from ~/.ssh/config, else your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from ~/.ssh/config, else ssh&apos;s default keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identity file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Give a subnet to scan, e.g. 192.168.1.0/24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name at least one host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+115"/>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host key: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::GpusView</name>
    <message>
        <location filename="../ui/views/GpusView.cpp" line="+9"/>
        <source>No GPUs seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs of the cluster&apos;s hosts appear here with their utilisation, memory, temperature and power, and the job that holds each one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::HostEditDialog</name>
    <message>
        <location filename="../ui/dialogs/HostEditDialog.cpp" line="+31"/>
        <source>Edit host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from ~/.ssh/config, else your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from ~/.ssh/config, else ssh&apos;s default keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identity file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;latform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Give the host a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name becomes the Slurm node name: use letters, digits and &apos;-&apos; only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another host is already called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give an address: an IP, a DNS name or a ~/.ssh/config alias.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::HostKeyTrustDialog</name>
    <message>
        <location filename="../ui/dialogs/HostKeyTrustDialog.cpp" line="+38"/>
        <source>Unknown host key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;SlurmDeck has never seen %1 before.&lt;/b&gt;&lt;br&gt;Nothing has been sent to it yet: no password, no key, no command. Before you trust it, check on the machine itself that it shows the same fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the command to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust and &amp;remember</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust &amp;once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::HostsView</name>
    <message>
        <location filename="../ui/views/HostsView.cpp" line="+43"/>
        <source>No machines yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add machines by address or ~/.ssh/config alias, or scan a subnet (Discover…, Ctrl+D). SlurmDeck fingerprints each one over SSH: platform, CPUs, memory, GPUs and Docker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Filter hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Discover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+144"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Reset &amp;roles to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;Could not open %1.&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated the facts of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Remove host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 from the cluster? Nothing on the machine changes until you deploy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Roles reset: the first Linux host (with a GPU if there is one) runs the controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cluster files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes. Discard them and open another cluster?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::JobsView</name>
    <message>
        <location filename="../ui/views/JobsView.cpp" line="+9"/>
        <source>No jobs to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The job queue and history of the running cluster appear here. Submit a job, follow it, cancel, hold or requeue it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+74"/>
        <source>SlurmDeck %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About SlurmDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1[*] — SlurmDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SlurmDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No cluster loaded. Start in Hosts (Ctrl+1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster %1: 1 host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster %1: %2 hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes. Close SlurmDeck and discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard and close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::MetricsView</name>
    <message>
        <location filename="../ui/views/MetricsView.cpp" line="+13"/>
        <source>&amp;Time range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPU usage — waiting for a Prometheus source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU cores busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No metrics yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts of CPU, memory, load, Slurm allocation and GPU use appear here once Prometheus runs on the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::NodesView</name>
    <message>
        <location filename="../ui/views/NodesView.cpp" line="+9"/>
        <source>No cluster running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slurm nodes appear here once a cluster is deployed: state, CPUs, memory, GPUs and load, with drain and resume.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::PlanPreview</name>
    <message>
        <location filename="../ui/widgets/PlanPreview.cpp" line="+36"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a host or a file on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SSH address:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network address:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project directory:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose project:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose files:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profiles:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services (in start order): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files:              %1 (%2 secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 (mode %3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This file holds a secret. SlurmDeck never shows it: it is written to the host over SSH, readable only by its owner, and kept in your keychain here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Binary file: %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::PlanTreeModel</name>
    <message>
        <location filename="../ui/models/PlanTreeModel.cpp" line="+181"/>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 files; services: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 on %2, in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>secret: never shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Host / file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::SandboxDialog</name>
    <message>
        <location filename="../ui/dialogs/SandboxDialog.cpp" line="+18"/>
        <source>Starting the sandbox cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing the sandbox cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emulating a primary host and three workers on this machine, then deploying Slurm onto them. The first time this builds images and takes a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping the sandbox cluster and removing its emulated hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The sandbox could not be %1; the log above says why. Running it again resumes where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sandbox cluster is up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sandbox is removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::SecretDialog</name>
    <message>
        <location filename="../ui/dialogs/SecretDialog.cpp" line="+30"/>
        <source>&amp;Remember in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SlurmDeck needs the password of &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key &lt;b&gt;%1&lt;/b&gt; is protected by a passphrase (logging in to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kept by the operating system&apos;s keychain, never in SlurmDeck&apos;s files or logs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::VerificationChecksModel</name>
    <message>
        <location filename="../ui/models/VerificationChecksModel.cpp" line="+55"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Subnet</name>
    <message>
        <location filename="../core/discovery/Subnet.cpp" line="+51"/>
        <source>&apos;%1&apos; is not a subnet like 192.168.1.0/24: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the prefix length must be 0 to 32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>/%1 is too large to scan; use /%2 or smaller pieces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalSecretAsker</name>
    <message>
        <location filename="../core/cli/TerminalSecretAsker.cpp" line="+63"/>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase for %1 (%2): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep it in the OS keychain? [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/GuiOptions.cpp" line="+16"/>
        <source>SlurmDeck: turn a few mismatched machines into a working Slurm cluster, and run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Render the main window to the PNG &lt;file&gt; and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open on &lt;area&gt;: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Window size as WIDTHxHEIGHT (default 1280x800).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the cluster file &lt;file&gt; (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Emulate a primary host and three workers on this machine (Linux, root), deploy Slurm onto them and open that cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove the sandbox cluster and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>choose one of --sandbox and --sandbox-down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown view &apos;%1&apos;; choose one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--size wants WIDTHxHEIGHT, e.g. 1280x800</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="+86"/>
        <source>wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
