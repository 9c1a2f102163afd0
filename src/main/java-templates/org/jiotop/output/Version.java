package org.jiotop.output;

/**
 * jiotop's version, written once, in the pom: Maven copies this file into
 * target/generated-sources/version with the pom's version in it, and compiles that copy. A constant
 * rather than a resource or the manifest, which would be read at run time: finding a resource opens
 * the runtime's module image and a jar URL, milliseconds of start-up for {@code --version}.
 */
public final class Version {
    public static final String NUMBER = "${project.version}";

    private Version() {
    }
}
