package org.jiotop.linux;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The process-events connector as the kernel's headers declare it: {@code struct cn_msg}
 * (linux/connector.h) after the netlink header, and {@code struct proc_event} (linux/cn_proc.h) as
 * its payload. Offsets are added up as in {@link KernelLayouts}; a test checks them against the
 * layout paths. Only the events the task list needs are described; the others are skipped by
 * their {@code what}.
 */
final class ProcEventLayout {
    private ProcEventLayout() {
    }

    /** The netlink protocol of the kernel connector (linux/netlink.h). */
    static final int NETLINK_CONNECTOR = 11;
    /** The connector's index and value for process events, also the multicast group to join. */
    static final int CN_IDX_PROC = 1;
    static final int CN_VAL_PROC = 1;
    /** {@code enum proc_cn_mcast_op}: start and stop sending events to this socket. */
    static final int PROC_CN_MCAST_LISTEN = 1;
    static final int PROC_CN_MCAST_IGNORE = 2;
    /** The netlink type the connector's messages carry. */
    static final int NLMSG_DONE = 3;

    /** {@code enum what} of {@code struct proc_event}: NONE is the answer to a LISTEN or IGNORE. */
    static final int PROC_EVENT_NONE = 0;
    static final int PROC_EVENT_FORK = 0x00000001;
    static final int PROC_EVENT_EXEC = 0x00000002;
    static final int PROC_EVENT_EXIT = 0x80000000;

    /** {@code struct cb_id}. */
    static final StructLayout CB_ID = MemoryLayout.structLayout(
            JAVA_INT.withName("idx"),
            JAVA_INT.withName("val"));

    /** {@code struct cn_msg}: its {@code data[]} (the event or the request) follows at its size. */
    static final StructLayout CN_MSG = MemoryLayout.structLayout(
            CB_ID.withName("id"),
            JAVA_INT.withName("seq"),
            JAVA_INT.withName("ack"),
            JAVA_SHORT.withName("len"),
            JAVA_SHORT.withName("flags"));

    /** {@code struct fork_proc_event}. */
    static final StructLayout FORK = MemoryLayout.structLayout(
            JAVA_INT.withName("parent_pid"),
            JAVA_INT.withName("parent_tgid"),
            JAVA_INT.withName("child_pid"),
            JAVA_INT.withName("child_tgid"));

    /** {@code struct exec_proc_event}. */
    static final StructLayout EXEC = MemoryLayout.structLayout(
            JAVA_INT.withName("process_pid"),
            JAVA_INT.withName("process_tgid"));

    /** {@code struct exit_proc_event}. */
    static final StructLayout EXIT = MemoryLayout.structLayout(
            JAVA_INT.withName("process_pid"),
            JAVA_INT.withName("process_tgid"),
            JAVA_INT.withName("exit_code"),
            JAVA_INT.withName("exit_signal"),
            JAVA_INT.withName("parent_pid"),
            JAVA_INT.withName("parent_tgid"));

    /** {@code struct proc_event_ack}: a LISTEN's outcome, 0 or a positive errno. */
    static final StructLayout ACK = MemoryLayout.structLayout(
            JAVA_INT.withName("err"));

    /**
     * {@code struct proc_event} with the union member this code reads most ({@code exit}, the
     * largest of the three it decodes): the others start at the same {@code event_data} offset.
     * {@code timestamp_ns} is 8-aligned and follows two 4-byte members, so no padding.
     */
    static final StructLayout PROC_EVENT = MemoryLayout.structLayout(
            JAVA_INT.withName("what"),
            JAVA_INT.withName("cpu"),
            JAVA_LONG.withName("timestamp_ns"),
            EXIT.withName("event_data"));

    static final int CN_MSG_SIZE = KernelLayouts.size(CN_MSG);
    static final int CN_MSG_IDX = KernelLayouts.offset(CN_MSG, "id", "idx");
    static final int CN_MSG_VAL = KernelLayouts.offset(CN_MSG, "id", "val");
    static final int CN_MSG_SEQ = KernelLayouts.offset(CN_MSG, "seq");
    static final int CN_MSG_ACK = KernelLayouts.offset(CN_MSG, "ack");
    static final int CN_MSG_LEN = KernelLayouts.offset(CN_MSG, "len");

    static final int EVENT_WHAT = KernelLayouts.offset(PROC_EVENT, "what");
    static final int EVENT_CPU = KernelLayouts.offset(PROC_EVENT, "cpu");
    static final int EVENT_TIMESTAMP = KernelLayouts.offset(PROC_EVENT, "timestamp_ns");
    static final int EVENT_DATA = KernelLayouts.offset(PROC_EVENT, "event_data");
    /** The bytes up to and including the header of the event (what, cpu, timestamp). */
    static final int EVENT_HEADER_SIZE = EVENT_DATA;

    static final int FORK_PARENT_PID = KernelLayouts.offset(FORK, "parent_pid");
    static final int FORK_PARENT_TGID = KernelLayouts.offset(FORK, "parent_tgid");
    static final int FORK_CHILD_PID = KernelLayouts.offset(FORK, "child_pid");
    static final int FORK_CHILD_TGID = KernelLayouts.offset(FORK, "child_tgid");
    static final int FORK_SIZE = KernelLayouts.size(FORK);

    static final int EXEC_PID = KernelLayouts.offset(EXEC, "process_pid");
    static final int EXEC_TGID = KernelLayouts.offset(EXEC, "process_tgid");
    static final int EXEC_SIZE = KernelLayouts.size(EXEC);

    static final int EXIT_PID = KernelLayouts.offset(EXIT, "process_pid");
    static final int EXIT_TGID = KernelLayouts.offset(EXIT, "process_tgid");
    static final int EXIT_CODE = KernelLayouts.offset(EXIT, "exit_code");
    static final int EXIT_SIGNAL = KernelLayouts.offset(EXIT, "exit_signal");
    static final int EXIT_PARENT_PID = KernelLayouts.offset(EXIT, "parent_pid");
    static final int EXIT_PARENT_TGID = KernelLayouts.offset(EXIT, "parent_tgid");
    static final int EXIT_SIZE = KernelLayouts.size(EXIT);

    static final int ACK_ERR = KernelLayouts.offset(ACK, "err");
    static final int ACK_SIZE = KernelLayouts.size(ACK);
}
