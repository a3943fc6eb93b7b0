package org.chunfeng.employment.worker;

/** How the worker came in; also the tag of the registration counter. */
public enum RegistrationChannel {
    OFFICE,
    SELF,
    IMPORT;

    public String tag() {
        return name().toLowerCase();
    }
}
