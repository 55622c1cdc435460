<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>HostsAddCommand</name>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>a job runs on the %n idle node(s) (srun hostname)</source>
        <translation>
            <numerusform>a job runs on the %n idle node (srun hostname)</numerusform>
            <numerusform>a job runs on the %n idle nodes (srun hostname)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>slurmd keeps its container: %n job step(s) run in it, and a new container would kill them. Its new Compose settings apply at a later deploy, once no job runs on %1 (drain the node to get there sooner).</source>
        <translation>
            <numerusform>slurmd keeps its container: %n job step runs in it, and a new container would kill them. Its new Compose settings apply at a later deploy, once no job runs on %1 (drain the node to get there sooner).</numerusform>
            <numerusform>slurmd keeps its container: %n job steps run in it, and a new container would kill them. Its new Compose settings apply at a later deploy, once no job runs on %1 (drain the node to get there sooner).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expected HOSTS KEYTYPE KEY, found %n field(s)</source>
        <translation>
            <numerusform>expected HOSTS KEYTYPE KEY, found %n field</numerusform>
            <numerusform>expected HOSTS KEYTYPE KEY, found %n fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::ClustersCommand</name>
    <message numerus="yes">
        <source>%1, %n host(s)</source>
        <translation>
            <numerusform>%1, %n host</numerusform>
            <numerusform>%1, %n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::DownCommand</name>
    <message numerus="yes">
        <source>%n host(s) could not be reached or stopped; run &apos;slurmdeck-cli down&apos; again once they are back.
</source>
        <translation>
            <numerusform>%n host could not be reached or stopped; run &apos;slurmdeck-cli down&apos; again once they are back.
</numerusform>
            <numerusform>%n hosts could not be reached or stopped; run &apos;slurmdeck-cli down&apos; again once they are back.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::PlanCommand</name>
    <message numerus="yes">
        <source>%n file(s) differ from the plan; &apos;slurmdeck-cli deploy&apos; puts the planned ones in place.
</source>
        <translation>
            <numerusform>%n file differs from the plan; &apos;slurmdeck-cli deploy&apos; puts the planned ones in place.
</numerusform>
            <numerusform>%n files differ from the plan; &apos;slurmdeck-cli deploy&apos; puts the planned ones in place.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::RemoveCommand</name>
    <message numerus="yes">
        <source>%n host(s) could not be reached or cleaned up; run &apos;slurmdeck-cli remove&apos; again once they are back.
</source>
        <translation>
            <numerusform>%n host could not be reached or cleaned up; run &apos;slurmdeck-cli remove&apos; again once they are back.
</numerusform>
            <numerusform>%n hosts could not be reached or cleaned up; run &apos;slurmdeck-cli remove&apos; again once they are back.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::AdoptDialog</name>
    <message numerus="yes">
        <source>Found cluster %1 with %n host(s).</source>
        <translation>
            <numerusform>Found cluster %1 with %n host.</numerusform>
            <numerusform>Found cluster %1 with %n hosts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::DiscoverPage</name>
    <message numerus="yes">
        <source>Found %n machine(s). Press Next to choose among them.</source>
        <translation>
            <numerusform>Found %n machine. Press Next to choose among them.</numerusform>
            <numerusform>Found %n machines. Press Next to choose among them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::GpusView</name>
    <message numerus="yes">
        <source>%1 · %n warning(s)</source>
        <translation>
            <numerusform>%1 · %n warning</numerusform>
            <numerusform>%1 · %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::HostKeysPage</name>
    <message numerus="yes">
        <source>Reading the host keys of %n machine(s)…</source>
        <translation>
            <numerusform>Reading the host keys of %n machine…</numerusform>
            <numerusform>Reading the host keys of %n machines…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new key(s) to compare. On each machine, %1 prints its fingerprint.</source>
        <translation>
            <numerusform>%n new key to compare. On each machine, %1 prints its fingerprint.</numerusform>
            <numerusform>%n new keys to compare. On each machine, %1 prints its fingerprint.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::OverviewView</name>
    <message numerus="yes">
        <source>%n yours</source>
        <translation>
            <numerusform>%n yours</numerusform>
            <numerusform>%n yours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more node(s) down or drained</source>
        <translation>
            <numerusform>and %n more node down or drained</numerusform>
            <numerusform>and %n more nodes down or drained</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found, %1 of them errors: see Problems</source>
        <translation>
            <numerusform>%n problem found, %1 of them errors: see Problems</numerusform>
            <numerusform>%n problems found, %1 of them errors: see Problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::RolesPage</name>
    <message numerus="yes">
        <source>, %n CPU(s)</source>
        <translation>
            <numerusform>, %n CPU</numerusform>
            <numerusform>, %n CPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n GPU(s) %1</source>
        <translation>
            <numerusform>, %n GPU %1</numerusform>
            <numerusform>, %n GPUs %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Logging in to %n host(s) to see what they are…</source>
        <translation>
            <numerusform>Logging in to %n host to see what they are…</numerusform>
            <numerusform>Logging in to %n hosts to see what they are…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::ServicesModel</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlurmDeck::Ui::ServicesView</name>
    <message numerus="yes">
        <source>Failed on %n host(s); the others are done:
</source>
        <translation>
            <numerusform>Failed on %n host; the others are done:
</numerusform>
            <numerusform>Failed on %n hosts; the others are done:
</numerusform>
        </translation>
    </message>
</context>
</TS>
