package org.dorsal.governance;

/**
 * Escapes text for HTML and inline SVG. Neither the JDK nor the libraries this module already
 * brings (Jackson, Drools) has an HTML escaper, and one in commons-text would add two jars for five
 * characters. Every value written into the report goes through here, attributes included, so the
 * five characters that can end a text or an attribute are enough.
 */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newline are not allowed in HTML text.
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
