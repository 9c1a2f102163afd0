# Sourced by ./jiotop and ./run-tests (POSIX sh). Sets JIOTOP_JDK to the home of the newest
# JDK >= 25 found, reading each candidate's `release` file rather than starting a JVM.
# Order: $JIOTOP_JAVA_HOME, $JAVA_HOME, the java on PATH, then the usual install folders (or the
# space-separated globs in $JIOTOP_JDK_DIRS instead of those).

jiotop_jdk_major() {
    # Prints the major version from "$1/release", or nothing when it is not a JDK home.
    [ -f "$1/release" ] && [ -x "$1/bin/java" ] || return 1
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
    [ -n "$v" ] && echo "$v"
}

jiotop_find_jdk() {
    JIOTOP_JDK=
    best=0
    path_java=
    if command -v java >/dev/null 2>&1; then
        path_java=$(readlink -f "$(command -v java)" 2>/dev/null)
        path_java=${path_java%/bin/java}
    fi
    dirs=${JIOTOP_JDK_DIRS:-"/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/*jdk* /usr/local/lib/jvm/* ${HOME:-/nonexistent}/.sdkman/candidates/java/*"}
    # $dirs is split and globbed on purpose.
    # shellcheck disable=SC2086
    for home in "${JIOTOP_JAVA_HOME:-}" "${JAVA_HOME:-}" "$path_java" $dirs; do
        [ -n "$home" ] && [ -d "$home" ] || continue
        major=$(jiotop_jdk_major "$home") || continue
        # The first candidate found wins among equals, so an explicit JAVA_HOME keeps priority.
        if [ "$major" -ge 25 ] && [ "$major" -gt "$best" ]; then
            best=$major
            JIOTOP_JDK=$home
        fi
    done
    [ -n "$JIOTOP_JDK" ]
}

jiotop_require_jdk() {
    if ! jiotop_find_jdk; then
        echo "jiotop: no JDK 25 or newer found (looked at JIOTOP_JAVA_HOME, JAVA_HOME, the java on PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
        exit 127
    fi
}
