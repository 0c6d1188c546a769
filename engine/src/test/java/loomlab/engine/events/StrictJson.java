package loomlab.engine.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for tests: objects become maps, arrays lists, numbers doubles. Anything
 * that is not valid JSON (a trailing comma, a raw control character in a string, an unknown
 * escape, text after the value) throws {@link IllegalArgumentException} with its offset.
 */
final class StrictJson {
    private final String text;
    private int at;

    private StrictJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        StrictJson json = new StrictJson(text);
        json.whitespace();
        Object value = json.value();
        json.whitespace();
        if (json.at != text.length()) {
            throw json.error("text after the value");
        }
        return value;
    }

    private Object value() {
        if (at >= text.length()) {
            throw error("a value was expected");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        whitespace();
        if (peek('}')) {
            at++;
            return map;
        }
        while (true) {
            whitespace();
            if (!peek('"')) {
                throw error("a key was expected");
            }
            String key = string();
            whitespace();
            expect(':');
            whitespace();
            if (map.put(key, value()) != null) {
                throw error("duplicate key " + key);
            }
            whitespace();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        whitespace();
        if (peek(']')) {
            at++;
            return list;
        }
        while (true) {
            whitespace();
            list.add(value());
            whitespace();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("an unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return b.toString();
            } else if (c < 0x20) {
                throw error("a raw control character in a string");
            } else if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = at < text.length() ? text.charAt(at++) : '?';
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("a bad \\u escape");
                    }
                    b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("an unknown escape \\" + e);
            }
        }
    }

    private Double number() {
        int start = at;
        if (peek('-')) {
            at++;
        }
        if (peek('0')) {
            at++;
        } else {
            digits();
        }
        if (peek('.')) {
            at++;
            digits();
        }
        if (peek('e') || peek('E')) {
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            digits();
        }
        return Double.parseDouble(text.substring(start, at));
    }

    private void digits() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw error("a digit was expected");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("an unknown literal");
        }
        at += word.length();
        return value;
    }

    private void whitespace() {
        while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "' was expected");
        }
        at++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + at + ": "
                + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30)));
    }
}
