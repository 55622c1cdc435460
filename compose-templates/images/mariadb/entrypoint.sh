#!/bin/sh
# SlurmDeck accounting database entrypoint (MariaDB from Debian).
#   slurmdeck-entrypoint mariadbd [ARGS]
# First start: initialises the data directory (/var/lib/mysql, bind-mounted from the
# deploy directory). Every start: makes sure database $SLURM_DB_NAME exists and user
# $SLURM_DB_USER@localhost/127.0.0.1 has the password from the secret file
# ($DB_PASSWORD_SOURCE, never from the environment or argv), then runs mariadbd in the
# foreground on $MARIADB_BIND_ADDRESS:$MARIADB_PORT (default 127.0.0.1:3306).
# The password reaches the server through --init-file: a 0600 file on the /run/mysqld
# tmpfs, removed as soon as the server answers.
set -eu

DB_PASSWORD_SOURCE=${DB_PASSWORD_SOURCE:-/run/secrets/db_password}
DB_NAME=${SLURM_DB_NAME:-slurm_acct_db}
DB_USER=${SLURM_DB_USER:-slurm}
BIND=${MARIADB_BIND_ADDRESS:-127.0.0.1}
PORT=${MARIADB_PORT:-3306}
DATADIR=/var/lib/mysql
role=${1:-mariadbd}

log() { printf '%s slurmdeck[mariadb]: %s\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')" "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$role" = mariadbd ] || exec "$@"
shift

case $DB_NAME$DB_USER in *[!A-Za-z0-9_]*) die "SLURM_DB_NAME/SLURM_DB_USER may only use A-Z a-z 0-9 _" ;; esac
[ -f "$DB_PASSWORD_SOURCE" ] || die "database password not found at $DB_PASSWORD_SOURCE (the deploy puts it in <dir>/secrets/db_password)"

mkdir -p /run/mysqld "$DATADIR"
chown mysql:mysql /run/mysqld "$DATADIR"
chmod 0755 /run/mysqld
chmod 0750 "$DATADIR"

if [ ! -d "$DATADIR/mysql" ]; then
    log "initialising the data directory $DATADIR"
    if ! mariadb-install-db --user=mysql --datadir="$DATADIR" --auth-root-authentication-method=socket \
        --skip-test-db >/run/mysqld/install.log 2>&1; then
        cat /run/mysqld/install.log >&2
        die "mariadb-install-db failed"
    fi
fi

# SQL with the password, escaped for a single-quoted literal; written with umask 077.
init=/run/mysqld/slurmdeck-init.sql
umask 077
pw=$(head -n 1 "$DB_PASSWORD_SOURCE" | sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g")
[ -n "$pw" ] || die "database password file $DB_PASSWORD_SOURCE is empty"
{
    printf "CREATE DATABASE IF NOT EXISTS \`%s\`;\n" "$DB_NAME"
    for h in localhost 127.0.0.1; do
        printf "CREATE USER IF NOT EXISTS '%s'@'%s' IDENTIFIED BY '%s';\n" "$DB_USER" "$h" "$pw"
        printf "ALTER USER '%s'@'%s' IDENTIFIED BY '%s';\n" "$DB_USER" "$h" "$pw"
        printf "GRANT ALL PRIVILEGES ON \`%s\`.* TO '%s'@'%s';\n" "$DB_NAME" "$DB_USER" "$h"
    done
    printf 'FLUSH PRIVILEGES;\n'
} >"$init"
pw=
chown mysql:mysql "$init"
umask 022

# Remove the init file once the server answers (it has run the file by then).
(
    i=0
    while [ "$i" -lt 600 ]; do
        if mariadb-admin --protocol=socket ping >/dev/null 2>&1; then
            rm -f "$init"
            log "ready: database $DB_NAME, user $DB_USER, listening on $BIND:$PORT"
            exit 0
        fi
        i=$((i + 1))
        sleep 0.5
    done
    rm -f "$init"
) &

log "exec mariadbd (bind $BIND:$PORT)"
exec mariadbd --user=mysql --datadir="$DATADIR" --bind-address="$BIND" --port="$PORT" \
    --socket=/run/mysqld/mysqld.sock --init-file="$init" "$@"
