package dev.netlint.ingest.shell;

import dev.netlint.ingest.InputException;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterBash;

import java.util.ArrayList;
import java.util.List;

/**
 * The tree-sitter-bash syntax tree of one shell text, parsed and then read within one time budget
 * and a node cap, so that no input can hold the reader up. Made only by {@link ShellParser} (and
 * read through {@link ShellWords}): the native library is loaded when shell input is read, not before.
 */
final class ShellTree {
    /** Parsing stops after this long; a shell script that takes longer is not a shell script. */
    static final long PARSE_BUDGET_NANOS = 5_000_000_000L;
    /** Nodes visited at most: a small file can hold a tree of millions of nodes. */
    static final int MAX_NODES = 2_000_000;

    /** Stops the walk: the tree is larger, or took longer, than the limits. */
    static final class WalkLimit extends RuntimeException {
        WalkLimit(String message) {
            super(message, null, false, false);
        }
    }

    /** A child and the field it fills (null: none). */
    record Child(TSNode node, String field) {
    }

    private final String text;
    /** Held for as long as its nodes are read. */
    private final TSTree tree;
    /** One deadline for parsing and reading together. */
    private final long deadline;
    private int nodes;

    private ShellTree(String text, TSTree tree, long deadline) {
        this.text = text;
        this.tree = tree;
        this.deadline = deadline;
    }

    static ShellTree parse(String text) throws InputException {
        byte[] ascii = asciiImage(text);
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterBash());
        long deadline = System.nanoTime() + PARSE_BUDGET_NANOS;
        byte[] buffer = new byte[8192];
        TSTree tree = parser.parseWithOptions(buffer, null, (buf, offset, point) -> {
            if (offset < 0 || offset >= ascii.length) {
                return 0;
            }
            int n = Math.min(buf.length, ascii.length - offset);
            System.arraycopy(ascii, offset, buf, 0, n);
            return n;
        }, TSInputEncoding.TSInputEncodingUTF8, state -> System.nanoTime() > deadline);
        if (tree == null) {
            throw new InputException(1, 1, "the shell parser gave up on this file (it took longer than "
                    + PARSE_BUDGET_NANOS / 1_000_000_000L + " s); it was not checked");
        }
        return new ShellTree(text, tree, deadline);
    }

    /**
     * One byte per Java char, so tree-sitter's byte offsets are char offsets into {@code text}:
     * non-ASCII characters (only ever inside words, strings and comments) become a letter, and a
     * carriage return becomes a blank.
     */
    static byte[] asciiImage(String text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[i] = c == '\r' ? (byte) ' ' : c < 0x80 ? (byte) c : (byte) 'x';
        }
        return out;
    }

    TSNode root() {
        return tree.getRootNode();
    }

    /**
     * The children of {@code n}, from one cursor pass (TSNode.getChild(i) starts over from the
     * first child each time, which is quadratic on wide or hidden-deep trees); counts against the
     * walk's node cap and deadline.
     */
    List<Child> children(TSNode n) {
        List<Child> out = new ArrayList<>();
        TSTreeCursor cursor = new TSTreeCursor(n);
        if (cursor.gotoFirstChild()) {
            do {
                if (++nodes > MAX_NODES) {
                    throw new WalkLimit("the shell syntax tree has more than " + MAX_NODES + " nodes");
                }
                if ((nodes & 1023) == 0 && System.nanoTime() > deadline) {
                    throw new WalkLimit("reading the shell syntax tree took longer than "
                            + PARSE_BUDGET_NANOS / 1_000_000_000L + " s");
                }
                out.add(new Child(cursor.currentNode(), cursor.currentFieldName()));
            } while (cursor.gotoNextSibling());
        }
        return out;
    }

    List<TSNode> childNodes(TSNode n) {
        List<Child> cs = children(n);
        List<TSNode> out = new ArrayList<>(cs.size());
        for (Child c : cs) {
            out.add(c.node());
        }
        return out;
    }

    List<TSNode> namedChildNodes(TSNode n) {
        List<TSNode> out = new ArrayList<>();
        for (Child c : children(n)) {
            if (c.node().isNamed()) {
                out.add(c.node());
            }
        }
        return out;
    }

    String textOf(TSNode n) {
        int s = Math.max(0, Math.min(n.getStartByte(), text.length()));
        int e = Math.max(s, Math.min(n.getEndByte(), text.length()));
        return text.substring(s, e);
    }
}
