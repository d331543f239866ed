#!/usr/bin/env bash
# Unpacks the WildFly distribution and applies Kinema's jboss-cli scripts to it, offline.
# Usage: provision.sh WILDFLY_DIST_ZIP POSTGRESQL_JDBC_JAR WILDFLY_HOME
# Re-provisions from scratch whenever a script or an input changes; otherwise does nothing.
set -euo pipefail

dist_zip=$1
driver_jar=$2
home=$3
target=$(dirname "$home")
here=$(cd "$(dirname "$0")" && pwd)
cli_dir=$here/src/main/cli

marker=$home/.kinema-provisioned
fingerprint=$(cat "$cli_dir"/*.cli "$cli_dir"/*/*.cli "$0" | sha256sum | cut -d' ' -f1)-$(stat -c %s "$dist_zip" "$driver_jar" | tr '\n' '-')

if [ -f "$marker" ] && [ "$(cat "$marker")" = "$fingerprint" ]; then
  echo "WildFly at $home is provisioned and up to date."
  exit 0
fi

echo "Provisioning WildFly into $home"
rm -rf "$home"
unzip -q "$dist_zip" -d "$target"
chmod +x "$home"/bin/*.sh

cli="$home/bin/jboss-cli.sh"
# The JDBC driver becomes a module, as on an operator's server.
JBOSS_HOME=$home "$cli" --command="module add --name=org.postgresql --resources=$driver_jar --dependencies=java.logging,java.management,java.naming,java.security.jgss,java.sql,java.transaction.xa,java.xml,jakarta.transaction.api"

# Every configuration script runs against the stopped server in one embedded session.
offline=$target/provision-offline.cli
{
  echo "embed-server --server-config=standalone-ha.xml --std-out=discard"
  for script in "$cli_dir"/[0-9]*.cli; do cat "$script"; echo; done
  echo "stop-embedded-server"
} > "$offline"
JBOSS_HOME=$home "$cli" --file="$offline"

# A node behind the balancer: the same configuration plus its registration with the balancer;
# and the balancer itself.
configuration=$home/standalone/configuration
cp "$configuration/standalone-ha.xml" "$configuration/standalone-ha-balanced.xml"
balanced=$target/provision-offline-balanced.cli
{
  echo "embed-server --server-config=standalone-ha-balanced.xml --std-out=discard"
  for script in "$cli_dir"/balanced/*.cli; do cat "$script"; echo; done
  echo "stop-embedded-server"
  echo "embed-server --server-config=standalone-load-balancer.xml --std-out=discard"
  for script in "$cli_dir"/balancer/*.cli; do cat "$script"; echo; done
  echo "stop-embedded-server"
} > "$balanced"
JBOSS_HOME=$home "$cli" --file="$balanced"

echo "$fingerprint" > "$marker"
echo "WildFly provisioned."
