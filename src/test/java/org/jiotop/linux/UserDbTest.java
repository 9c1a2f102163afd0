package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserDbTest {
    private final UserDb users = new UserDb();

    @Test
    void namesAndUidsComeFromTheSystemDatabase() {
        assertThat(users.nameOf(0)).isEqualTo("root");
        assertThat(users.uidOf("root")).hasValue(0);
        assertThat(users.uidOf("nobody")).hasValue(65534);
    }

    @Test
    void unknownUidShowsAsItsNumberAndUnknownNameIsEmpty() {
        assertThat(users.nameOf(54321)).isEqualTo("54321");
        assertThat(users.uidOf("no-such-user-jiotop")).isEmpty();
        assertThat(users.uidOf("")).isEmpty();
    }
}
