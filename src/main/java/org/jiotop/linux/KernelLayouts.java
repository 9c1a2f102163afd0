package org.jiotop.linux;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The structures jiotop shares with the kernel (other than {@code struct taskstats}:
 * {@link TaskstatsLayout}), as the kernel's headers declare them, and the offsets of their fields.
 * x86_64 and aarch64 are both LP64, so one layout serves both: in particular {@code struct msghdr}
 * has 4 bytes of padding after {@code msg_namelen} and after {@code msg_flags}, and
 * {@code struct mmsghdr} 4 after {@code msg_len}, on each.
 *
 * <p>The offsets are {@code static final} so that the code that reads replies out of Java arrays
 * uses them as constants. They are added up from the layouts' members ({@link #offset}) rather
 * than taken with {@code byteOffset} and a layout path, whose machinery costs several milliseconds
 * of start-up CPU to set up; a test checks every one against {@code byteOffset}.
 */
final class KernelLayouts {
    private KernelLayouts() {
    }

    /** {@code struct nlmsghdr} (linux/netlink.h). */
    static final StructLayout NLMSGHDR = MemoryLayout.structLayout(
            JAVA_INT.withName("nlmsg_len"),
            JAVA_SHORT.withName("nlmsg_type"),
            JAVA_SHORT.withName("nlmsg_flags"),
            JAVA_INT.withName("nlmsg_seq"),
            JAVA_INT.withName("nlmsg_pid"));

    /** {@code struct genlmsghdr} (linux/genetlink.h), right after the netlink header. */
    static final StructLayout GENLMSGHDR = MemoryLayout.structLayout(
            JAVA_BYTE.withName("cmd"),
            JAVA_BYTE.withName("version"),
            JAVA_SHORT.withName("reserved"));

    /** {@code struct nlattr} (linux/netlink.h): an attribute's header; its payload follows. */
    static final StructLayout NLATTR = MemoryLayout.structLayout(
            JAVA_SHORT.withName("nla_len"),
            JAVA_SHORT.withName("nla_type"));

    /** {@code struct nlmsgerr} (linux/netlink.h), the payload of an {@code NLMSG_ERROR}. */
    static final StructLayout NLMSGERR = MemoryLayout.structLayout(
            JAVA_INT.withName("error"),
            NLMSGHDR.withName("msg"));

    /** {@code struct sockaddr_nl} (linux/netlink.h). */
    static final StructLayout SOCKADDR_NL = MemoryLayout.structLayout(
            JAVA_SHORT.withName("nl_family"),
            JAVA_SHORT.withName("nl_pad"),
            JAVA_INT.withName("nl_pid"),
            JAVA_INT.withName("nl_groups"));

    /** {@code struct pollfd} (asm-generic/poll.h). */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"),
            JAVA_SHORT.withName("events"),
            JAVA_SHORT.withName("revents"));

    /** {@code struct __kernel_timespec} (linux/time_types.h), as ppoll(2) takes it on 64-bit machines. */
    static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_nsec"));

    /** {@code struct iovec} (linux/uio.h). */
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"),
            JAVA_LONG.withName("iov_len"));

    /** {@code struct user_msghdr} (linux/socket.h), the kernel's {@code struct msghdr}. */
    static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"),
            MemoryLayout.paddingLayout(4));

    /** {@code struct mmsghdr} (linux/socket.h), one entry of recvmmsg(2)'s vector. */
    static final StructLayout MMSGHDR = MemoryLayout.structLayout(
            MSGHDR.withName("msg_hdr"),
            JAVA_INT.withName("msg_len"),
            MemoryLayout.paddingLayout(4));

    /**
     * {@code struct linux_dirent64} (linux/dirent.h): a record of {@code d_reclen} bytes whose
     * name, NUL-terminated, starts at {@code d_name}.
     */
    static final StructLayout DIRENT64 = MemoryLayout.structLayout(
            JAVA_LONG.withName("d_ino"),
            JAVA_LONG.withName("d_off"),
            JAVA_SHORT.withName("d_reclen"),
            JAVA_BYTE.withName("d_type"),
            MemoryLayout.sequenceLayout(0, JAVA_BYTE).withName("d_name"));

    static final int NLMSGHDR_SIZE = size(NLMSGHDR);
    static final int NLMSGHDR_LEN = offset(NLMSGHDR, "nlmsg_len");
    static final int NLMSGHDR_TYPE = offset(NLMSGHDR, "nlmsg_type");
    static final int NLMSGHDR_FLAGS = offset(NLMSGHDR, "nlmsg_flags");
    static final int NLMSGHDR_SEQ = offset(NLMSGHDR, "nlmsg_seq");
    static final int NLMSGHDR_PID = offset(NLMSGHDR, "nlmsg_pid");

    static final int GENLMSGHDR_SIZE = size(GENLMSGHDR);
    static final int GENLMSGHDR_CMD = offset(GENLMSGHDR, "cmd");
    static final int GENLMSGHDR_VERSION = offset(GENLMSGHDR, "version");
    static final int GENLMSGHDR_RESERVED = offset(GENLMSGHDR, "reserved");

    static final int NLATTR_SIZE = size(NLATTR);
    static final int NLATTR_LEN = offset(NLATTR, "nla_len");
    static final int NLATTR_TYPE = offset(NLATTR, "nla_type");

    static final int NLMSGERR_ERROR = offset(NLMSGERR, "error");

    static final int SOCKADDR_NL_SIZE = size(SOCKADDR_NL);
    static final int SOCKADDR_NL_FAMILY = offset(SOCKADDR_NL, "nl_family");
    static final int SOCKADDR_NL_GROUPS = offset(SOCKADDR_NL, "nl_groups");

    static final int POLLFD_SIZE = size(POLLFD);
    static final int POLLFD_FD = offset(POLLFD, "fd");
    static final int POLLFD_EVENTS = offset(POLLFD, "events");
    static final int POLLFD_REVENTS = offset(POLLFD, "revents");

    static final int TIMESPEC_SIZE = size(TIMESPEC);
    static final int TIMESPEC_SEC = offset(TIMESPEC, "tv_sec");
    static final int TIMESPEC_NSEC = offset(TIMESPEC, "tv_nsec");

    static final int IOVEC_SIZE = size(IOVEC);
    static final int IOVEC_BASE = offset(IOVEC, "iov_base");
    static final int IOVEC_LEN = offset(IOVEC, "iov_len");

    static final int MMSGHDR_SIZE = size(MMSGHDR);
    static final int MMSGHDR_IOV = offset(MMSGHDR, "msg_hdr", "msg_iov");
    static final int MMSGHDR_IOVLEN = offset(MMSGHDR, "msg_hdr", "msg_iovlen");
    static final int MMSGHDR_FLAGS = offset(MMSGHDR, "msg_hdr", "msg_flags");
    static final int MMSGHDR_LEN = offset(MMSGHDR, "msg_len");

    static final int DIRENT64_RECLEN = offset(DIRENT64, "d_reclen");
    static final int DIRENT64_NAME = offset(DIRENT64, "d_name");

    /** The byte size of {@code layout}. */
    static int size(MemoryLayout layout) {
        return Math.toIntExact(layout.byteSize());
    }

    /** The offset of the member that {@code path} names, through nested structures. */
    static int offset(StructLayout layout, String... path) {
        int offset = 0;
        MemoryLayout at = layout;
        for (String name : path) {
            StructLayout struct = (StructLayout) at;
            offset += Libc.offsetOf(struct, name);
            at = member(struct, name);
        }
        return offset;
    }

    private static MemoryLayout member(StructLayout layout, String name) {
        for (MemoryLayout m : layout.memberLayouts()) {
            if (name.equals(m.name().orElse(null))) {
                return m;
            }
        }
        throw new IllegalArgumentException("no member " + name + " in " + layout);
    }
}
