package org.jiotop.linux;

/** Prints whether {@link EventTaskList#open} gave a list in this process ("open") or not ("refused"). */
public final class OpenEventTaskList {
    private OpenEventTaskList() {
    }

    public static void main(String[] args) {
        try (EventTaskList list = EventTaskList.open(ProcFs.system())) {
            System.out.println(list == null ? "refused" : "open");
        }
    }
}
