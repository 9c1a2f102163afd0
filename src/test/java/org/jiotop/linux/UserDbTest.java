package org.jiotop.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UserDbTest {
    private static final String FIXTURE_PASSWD = """
            toor:x:0:0:root under another name:/root:/bin/sh
            alice:x:4321:4321::/home/alice:/bin/sh
            alice-again:x:4321:4321::/home/alice:/bin/sh
            +nis-entry::::::
            broken line without fields
            bad-uid:x:notanumber:0::/:/bin/sh
            """;

    @TempDir
    Path etc;

    private UserDb fixture(String nsswitch) throws IOException {
        Files.writeString(etc.resolve("nsswitch.conf"), nsswitch);
        Files.writeString(etc.resolve("passwd"), FIXTURE_PASSWD);
        return new UserDb(etc);
    }

    @Test
    void namesAndUidsComeFromTheSystemDatabase() {
        UserDb users = UserDb.system();
        assertThat(users.nameOf(0)).isEqualTo("root");
        assertThat(users.uidOf("root")).hasValue(0);
        assertThat(users.uidOf("nobody")).hasValue(65534);
    }

    @Test
    void unknownUidShowsAsItsNumberAndUnknownNameIsEmpty() {
        UserDb users = UserDb.system();
        assertThat(users.nameOf(54321)).isEqualTo("54321");
        assertThat(users.uidOf("no-such-user-jiotop")).isEmpty();
        assertThat(users.uidOf("")).isEmpty();
    }

    @Test
    void withFilesFirstThePasswdFileAnswersAndItsFirstEntryWins() throws IOException {
        UserDb users = fixture("# comment\npasswd:   files systemd # trailing\ngroup: files\n");
        assertThat(users.nameOf(0)).isEqualTo("toor");
        assertThat(users.nameOf(4321)).isEqualTo("alice");
        assertThat(users.uidOf("alice-again")).hasValue(4321);
        assertThat(users.uidOf("toor")).hasValue(0);
    }

    @Test
    void whoIsNotInTheFileIsAskedOfTheCLibrary() throws IOException {
        UserDb users = fixture("passwd: files\n");
        // Neither is in the fixture: the answers are the real system's, through getpwuid_r/getpwnam_r.
        assertThat(users.nameOf(65534)).isEqualTo("nobody");
        assertThat(users.uidOf("root")).hasValue(0);
        assertThat(users.nameOf(54321)).isEqualTo("54321");
        assertThat(users.uidOf("+nis-entry")).isEmpty();
        assertThat(users.uidOf("bad-uid")).isEmpty();
    }

    @Test
    void anotherSourceFirstOrNoPasswdLineLeavesEverythingToTheCLibrary() throws IOException {
        for (String nsswitch : new String[]{"passwd: sss files\n", "passwd: compat\n", "group: files\n",
                "#passwd: files\n"}) {
            UserDb users = fixture(nsswitch);
            assertThat(users.nameOf(0)).as(nsswitch).isEqualTo("root");
            assertThat(users.nameOf(4321)).as(nsswitch).isEqualTo("4321");
            assertThat(users.uidOf("alice")).as(nsswitch).isEmpty();
        }
    }

    @Test
    void aMissingOrUnreadableFileLeavesEverythingToTheCLibrary() throws IOException {
        assertThat(new UserDb(etc.resolve("missing")).nameOf(0)).isEqualTo("root");
        UserDb users = fixture("passwd: files\n");
        Files.write(etc.resolve("passwd"), new byte[]{'a', ':', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThat(users.nameOf(0)).isEqualTo("root");
        assertThat(UserDb.filesFirst("passwd:\n")).isFalse();
    }

    @Test
    void nsswitchWordsMaySitBetweenTabsCarriageReturnsAndComments() {
        assertThat(UserDb.filesFirst("# passwd: sss\r\n\tpasswd:\tfiles systemd\r\n")).isTrue();
        assertThat(UserDb.filesFirst("passwd:  \t files # then nothing\n")).isTrue();
        assertThat(UserDb.filesFirst("passwd: filesx\n")).isFalse();
        assertThat(UserDb.filesFirst("xpasswd: files\npasswd: sss files\n")).isFalse();
    }
}
