# Sourced by ./jiotop and scripts/build-deb (bash). jiotop_train_aot JAVA JAR AOT [ERR] writes AOT,
# a JDK 25 AOT cache (JEP 483/514) of the classes a short batch run loads and links, with the flags
# of jiotop_jvm_flags (scripts/jvm-flags.sh, called first: a cache made with other module flags is
# refused); the training run's stderr goes to ERR. Fails when no cache was written.
# Tasks end while it samples, one every 50 ms (each `sleep` below), so that what accounts for an
# exited task is in the cache too: a run that first meets an exit would otherwise load its classes
# and link its lambdas then.

jiotop_train_aot() {
    local java=$1 jar=$2 aot=$3 err=${4:-/dev/null} jvm
    rm -f "$aot"
    # shellcheck disable=SC2086
    "$java" $JIOTOP_JVM_FLAGS -XX:AOTCacheOutput="$aot" -jar "$jar" -b -n 2 -d 0.1 >/dev/null 2>"$err" &
    jvm=$!
    while kill -0 "$jvm" 2>/dev/null; do
        sleep 0.05
    done
    wait "$jvm" && [ -s "$aot" ]
}
