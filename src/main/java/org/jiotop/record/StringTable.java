package org.jiotop.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts a segment has written, so that each is written once: the threads of a process share its
 * command line, and the tasks of a user the user's name. A text is written as its number plus one
 * when the segment has it, else as 0 and the text, which takes the next number.
 */
final class StringTable {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private long chars;

    /** How many texts the segment has written, and their characters in all. */
    int size() {
        return texts.size();
    }

    long chars() {
        return chars;
    }

    void write(ByteSink out, String text) {
        Integer n = numbers.get(text);
        if (n != null) {
            out.varint(n + 1L);
            return;
        }
        out.varint(0);
        out.text(text);
        numbers.put(text, texts.size());
        texts.add(text);
        chars += text.length();
    }

    String read(ByteSource in) throws ByteSource.Damage {
        int n = in.count();
        if (n == 0) {
            String text = in.text();
            texts.add(text);
            return text;
        }
        if (n > texts.size()) {
            throw new ByteSource.Damage("text " + n + " not yet written");
        }
        return texts.get(n - 1);
    }
}
