package org.chunfeng.employment.worker;

/**
 * A name search as a database pattern that means exactly the typed text: every character that is not a letter,
 * digit or space is escaped, so "李." or "(" finds names containing them and never runs as a regular expression.
 * A backslash before a character that is not a letter or digit is a plain literal in both Java and PCRE patterns.
 */
public final class NameSearch {

    private NameSearch() {
    }

    public static String pattern(String typed) {
        String text = typed.strip();
        StringBuilder pattern = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return pattern.toString();
    }
}
