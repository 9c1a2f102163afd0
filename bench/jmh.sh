#!/bin/sh
# JMH micro-benchmarks of jiotop's hot paths (BENCHMARKS.md): decoding taskstats replies and one
# refresh of the model. Usage: bench/jmh.sh [JMH options, e.g. a benchmark name regex]
set -eu
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
jiotop_require_jdk
JAVA_HOME="$JIOTOP_JDK" ./mvnw -q -B -ntp test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
exec "$JIOTOP_JDK/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main "$@"
