# Sourced by ./jiotop and ./run-tests (POSIX sh). Sets JIOTOP_JDK to the home of the newest
# JDK >= 25 found, reading each candidate's `release` file rather than starting a JVM.
# Order: $JIOTOP_JAVA_HOME, $JAVA_HOME, the java on PATH, then the usual install folders (or the
# space-separated globs in $JIOTOP_JDK_DIRS instead of those).
# Given a file, jiotop_require_jdk remembers the answer there and takes it back while nothing the
# search looked at has changed: a search reads every candidate and forks (~20-50 ms of CPU), taking
# the answer back costs a few stat calls and starts no process.

jiotop_jdk_dirs() {
    jdk_dirs=${JIOTOP_JDK_DIRS:-"/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/*jdk* /usr/local/lib/jvm/* ${HOME:-/nonexistent}/.sdkman/candidates/java/*"}
}

jiotop_jdk_major() {
    # Sets major to the major version from "$1/release"; fails when it is not a JDK home.
    [ -f "$1/release" ] && [ -x "$1/bin/java" ] || return 1
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
        JAVA_VERSION=\"[0-9]*)
            major=${line#JAVA_VERSION=\"}
            major=${major%%[!0-9]*}
            return 0
            ;;
        esac
    done < "$1/release"
    return 1
}

jiotop_find_jdk() {
    JIOTOP_JDK=
    best=0
    jdk_path_java=
    if command -v java >/dev/null 2>&1; then
        jdk_path_java=$(readlink -f "$(command -v java)" 2>/dev/null)
    fi
    jiotop_jdk_dirs
    # $jdk_dirs is split and globbed on purpose.
    # shellcheck disable=SC2086
    for home in "${JIOTOP_JAVA_HOME:-}" "${JAVA_HOME:-}" "${jdk_path_java%/bin/java}" $jdk_dirs; do
        [ -n "$home" ] && [ -d "$home" ] || continue
        jiotop_jdk_major "$home" || continue
        # The first candidate found wins among equals, so an explicit JAVA_HOME keeps priority.
        if [ "$major" -ge 25 ] && [ "$major" -gt "$best" ]; then
            best=$major
            JIOTOP_JDK=$home
        fi
    done
    [ -n "$JIOTOP_JDK" ]
}

# The java first on PATH, found as the shell would find it, into path_java (empty when none).
jiotop_path_java() {
    path_java=
    rest=${PATH:-}:
    while [ -n "$rest" ]; do
        dir=${rest%%:*}
        rest=${rest#*:}
        if [ -f "${dir:-.}/java" ] && [ -x "${dir:-.}/java" ]; then
            path_java=${dir:-.}/java
            return
        fi
    done
}

jiotop_remembered_jdk() {
    # Sets JIOTOP_JDK from the file $1 when the search it remembers would find the same JDK now:
    # the same JIOTOP_JAVA_HOME, JAVA_HOME and folders, the same java on PATH, nothing installed in
    # or removed from those folders since, and that JDK still there.
    [ -f "$1" ] || return 1
    {
        IFS= read -r m_jdk && IFS= read -r m_path_java && IFS= read -r m_jiotop_java_home \
            && IFS= read -r m_java_home && IFS= read -r m_dirs
    } < "$1" 2>/dev/null || return 1
    jiotop_jdk_dirs
    [ "$m_jiotop_java_home" = "${JIOTOP_JAVA_HOME:-}" ] && [ "$m_java_home" = "${JAVA_HOME:-}" ] \
        && [ "$m_dirs" = "$jdk_dirs" ] || return 1
    [ -f "$m_jdk/release" ] && [ -x "$m_jdk/bin/java" ] || return 1
    jiotop_path_java
    if [ -n "$m_path_java" ]; then
        [ "$path_java" -ef "$m_path_java" ] || return 1
    else
        [ -z "$path_java" ] || return 1
    fi
    # A JDK put in, upgraded or taken out changes its folder's parent or its release file.
    for home in "$m_jdk" "${JIOTOP_JAVA_HOME:-}" "${JAVA_HOME:-}" "${m_path_java%/bin/java}"; do
        [ -n "$home" ] && [ "$home/release" -nt "$1" ] && return 1
    done
    case $- in *f*) glob=off ;; *) glob=on ;; esac
    set -f
    for pattern in $jdk_dirs; do
        if [ "${pattern%/*}" -nt "$1" ]; then
            [ "$glob" = on ] && set +f
            return 1
        fi
    done
    [ "$glob" = on ] && set +f
    JIOTOP_JDK=$m_jdk
}

jiotop_remember_jdk() {
    # Writes the search's answer and what it saw, one value a line, to $1 when its folder is there.
    [ -d "${1%/*}" ] && [ -w "${1%/*}" ] || return 0
    printf '%s\n' "$JIOTOP_JDK" "$jdk_path_java" "${JIOTOP_JAVA_HOME:-}" "${JAVA_HOME:-}" "$jdk_dirs" \
        > "$1.$$" 2>/dev/null \
        && mv -f "$1.$$" "$1" 2>/dev/null || rm -f "$1.$$"
}

jiotop_require_jdk() {
    # $1, optional: the file that remembers the answer.
    if [ -n "${1:-}" ] && jiotop_remembered_jdk "$1"; then
        return
    fi
    if ! jiotop_find_jdk; then
        echo "jiotop: no JDK 25 or newer found (looked at JIOTOP_JAVA_HOME, JAVA_HOME, the java on PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
        exit 127
    fi
    [ -z "${1:-}" ] || jiotop_remember_jdk "$1"
}
