package org.jiotop.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.MemorySegment;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic-netlink socket against the running kernel. */
class GenlSocketKernelTest {
    @Test
    void aWakeUpMessageReachesTheSocketItself() throws KernelException {
        Capability.assume(Capability.NET_ADMIN);
        try (GenlSocket socket = GenlSocket.open(1 << 16)) {
            MemorySegment buf = socket.arena.allocate(4096, 8);
            assertThat(socket.recv(buf, GenlSocket.MSG_DONTWAIT)).as("nothing queued yet").isEqualTo(-1);
            assertThat(socket.wakeReceiver()).isTrue();
            long got = socket.recv(buf, GenlSocket.MSG_DONTWAIT);
            assertThat(got).isEqualTo(GenlCodec.NLMSG_HDRLEN);
            assertThat(GenlCodec.bytes(buf).getShort(4)).as("NLMSG_NOOP").isEqualTo((short) 1);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked send cannot be interrupted
    void aWakeUpNeverWaitsForRoomInAFullReceiveBuffer() throws KernelException {
        Capability.assume(Capability.NET_ADMIN);
        // Nobody reads this socket: once its smallest buffer is full, a blocking send would wait forever.
        try (GenlSocket socket = GenlSocket.open(1)) {
            MemorySegment buf = socket.arena.allocate(4096, 8);
            for (int i = 0; i < 1000; i++) {
                assertThat(socket.wakeReceiver()).as("wake-up %d", i).isTrue();
            }
            assertThat(socket.recv(buf, GenlSocket.MSG_DONTWAIT)).as("the first wake-ups are queued")
                    .isEqualTo(GenlCodec.NLMSG_HDRLEN);
        }
    }
}
