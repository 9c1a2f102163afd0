package org.jiotop.output;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayWidthTest {
    static final String CJK = "表示幅";
    static final String E_ACUTE = "e\u0301";
    static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    static final String FLAG_JP = "\uD83C\uDDEF\uD83C\uDDF5";
    static final String HEART_EMOJI = "\u2764\uFE0F";

    @Test
    void columnsOfEachKindOfCluster() {
        assertThat(DisplayWidth.of("plain ascii")).isEqualTo(11);
        assertThat(DisplayWidth.of("Größe")).isEqualTo(5);
        assertThat(DisplayWidth.of(CJK)).isEqualTo(6);
        assertThat(DisplayWidth.of("ｆｕｌｌ")).isEqualTo(8);
        assertThat(DisplayWidth.of(E_ACUTE)).isEqualTo(1);
        assertThat(DisplayWidth.of("a\u0308\u0301\u0323")).isEqualTo(1);
        assertThat(DisplayWidth.of("\uD83D\uDE00")).isEqualTo(2);
        // As wide as the widest common rendering: the modifier on its own, each joined emoji side by side.
        assertThat(DisplayWidth.of(THUMBS_UP_MEDIUM)).isEqualTo(4);
        assertThat(DisplayWidth.of(FAMILY)).isEqualTo(6);
        assertThat(DisplayWidth.of(FLAG_JP)).isEqualTo(4);
        assertThat(DisplayWidth.of(HEART_EMOJI)).isEqualTo(2);
        assertThat(DisplayWidth.of("\u2764")).isEqualTo(1);
        assertThat(DisplayWidth.of("")).isZero();
    }

    @Test
    void cutsFallBetweenClustersOnly() {
        String text = "a" + FAMILY + "b" + E_ACUTE + FLAG_JP + CJK;
        for (int columns = 0; columns <= DisplayWidth.of(text) + 1; columns++) {
            int end = DisplayWidth.prefixEnd(text, columns);
            int start = DisplayWidth.suffixStart(text, columns);
            assertThat(isBoundary(text, end)).as("prefix of %d", columns).isTrue();
            assertThat(isBoundary(text, start)).as("suffix of %d", columns).isTrue();
            assertThat(DisplayWidth.of(text.substring(0, end))).isBetween(columns - 5, columns);
            assertThat(DisplayWidth.of(text.substring(start))).isBetween(columns - 5, columns);
        }
        assertThat(DisplayWidth.head(text, 6)).isEqualTo("a");
        assertThat(DisplayWidth.head(text, 7)).isEqualTo("a" + FAMILY);
        assertThat(DisplayWidth.head(CJK, 3)).isEqualTo("表");
        assertThat(DisplayWidth.head("abc", 2)).isEqualTo("ab");
        assertThat(DisplayWidth.prefixEnd(E_ACUTE + "x", 1)).isEqualTo(2);
        assertThat(DisplayWidth.suffixStart(CJK, 5)).isEqualTo(1);
        assertThat(DisplayWidth.suffixStart("abc", 5)).isZero();
    }

    private static boolean isBoundary(String text, int at) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        return clusters.isBoundary(at);
    }

    @Test
    void paddingCountsColumns() {
        assertThat(Text.left(new StringBuilder(), "用户", 8).toString()).isEqualTo("用户    ");
        assertThat(Text.right(new StringBuilder(), "jose\u0301", 6).toString()).isEqualTo("  jose\u0301");
    }
}
