package org.jiotop.testkit;

import org.jiotop.linux.ExitListener;
import org.jiotop.linux.TaskExit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for tests: listens to the kernel's exit reports and leaves them undrained, as
 * jiotop does while its output is blocked, until a line comes on stdin; then drains them once
 * and prints "drained N lost M". Prints "ready" once it listens.
 */
public final class ExitBacklog {
    private ExitBacklog() {
    }

    public static void main(String[] args) throws Exception {
        try (ExitListener exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                ExitListener.DEFAULT_RECEIVE_BUFFER)) {
            System.out.println("ready");
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            List<TaskExit> drained = new ArrayList<>();
            exits.drain(drained);
            System.out.println("drained " + drained.size() + " lost " + exits.overflows());
        }
    }
}
