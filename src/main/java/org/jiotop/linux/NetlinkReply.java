package org.jiotop.linux;

/** One decoded netlink message from the taskstats socket, matched to its request by sequence number. */
public sealed interface NetlinkReply {
    int seq();

    /** Statistics for a task ({@code tgid == false}) or a thread group. */
    record Stats(int seq, boolean tgid, TaskStats stats) implements NetlinkReply {
    }

    /** An {@code NLMSG_ERROR}: {@code errno} 0 is an acknowledgement, otherwise the failure. */
    record Error(int seq, int errno) implements NetlinkReply {
    }

    /** A message that could not be decoded; {@code why} says what was wrong with it. */
    record Malformed(int seq, String why) implements NetlinkReply {
    }
}
