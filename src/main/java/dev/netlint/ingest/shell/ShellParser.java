package dev.netlint.ingest.shell;

import dev.netlint.ingest.InputException;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses shell text with tree-sitter-bash into the simple commands it runs, in order, with quotes
 * removed and simple variables expanded. Variables assigned unconditionally earlier in the same
 * text are resolved; everything else ($(...), $1, loop variables, variables assigned in branches or
 * functions, the environment) is unknown. Commands that may not run are marked conditional.
 * This class walks the tree ({@link ShellTree}) and tracks variables; {@link ShellWords} gives
 * words their values.
 */
public final class ShellParser {
    /** Syntax nesting deeper than this is not followed (no real script nests this deep). */
    static final int MAX_DEPTH = 400;

    private static final Set<String> BRANCHING = Set.of("if_statement", "case_statement", "while_statement",
            "for_statement", "c_style_for_statement", "function_definition", "elif_clause", "else_clause",
            "case_item");

    private final ShellTree tree;
    private final ShellWords expander;
    private final Map<String, String> variables;
    /** Names assigned somewhere we cannot follow (branches, loops, functions, read): unknown from then on. */
    private final Map<String, Boolean> unknownVariables;
    private final List<ShellCommand> commands = new ArrayList<>();

    private ShellParser(ShellTree tree, Variables vars) {
        this.tree = tree;
        this.expander = new ShellWords(tree, vars.known);
        this.variables = vars.known;
        this.unknownVariables = vars.unknown;
    }

    /** Variables carried from one piece of shell to the next (the blocks of one README). */
    public static final class Variables {
        private final Map<String, String> known = new HashMap<>();
        private final Map<String, Boolean> unknown = new HashMap<>();

        /** Every variable with a known value, at the end of the text read so far. */
        public Map<String, String> known() {
            return java.util.Collections.unmodifiableMap(known);
        }

        /** The value of a variable the text assigned unconditionally, if any. */
        public java.util.Optional<String> get(String name) {
            return java.util.Optional.ofNullable(known.get(name));
        }
    }

    /** The commands of {@code source}, in the order they would run. */
    public static List<ShellCommand> parse(ShellSource source) throws InputException {
        return parse(source, new Variables());
    }

    public static List<ShellCommand> parse(ShellSource source, Variables vars) throws InputException {
        ShellParser p = new ShellParser(ShellTree.parse(source.text()), vars);
        p.run();
        return p.commands;
    }

    private void run() throws InputException {
        try {
            visit(tree.root(), false, 0);
        } catch (ShellTree.WalkLimit e) {
            throw new InputException(1, 1, e.getMessage() + "; it was not checked");
        }
    }

    private void visit(TSNode node, boolean conditional, int depth) {
        if (depth > MAX_DEPTH) {
            return; // nested too deeply to follow
        }
        String type = node.getType();
        switch (type) {
            case "comment", "heredoc_body", "heredoc_start", "heredoc_end" -> {
                return;
            }
            case "command" -> {
                command(node, conditional, depth);
                return;
            }
            case "variable_assignment" -> {
                assignment(node, conditional, depth);
                return;
            }
            case "variable_assignments" -> {
                for (TSNode child : tree.childNodes(node)) {
                    visit(child, conditional, depth + 1);
                }
                return;
            }
            case "declaration_command" -> {
                declaration(node, conditional, depth);
                return;
            }
            case "unset_command" -> {
                for (TSNode named : tree.namedChildNodes(node)) {
                    String name = tree.textOf(named);
                    variables.remove(name);
                    unknownVariables.put(name, true);
                }
                return;
            }
            case "list" -> {
                list(node, conditional, depth);
                return;
            }
            case "for_statement", "c_style_for_statement" -> {
                TSNode var = node.getChildByFieldName("variable");
                if (var != null && !var.isNull()) {
                    markUnknown(tree.textOf(var));
                }
            }
            default -> {
            }
        }
        boolean inner = conditional || BRANCHING.contains(type);
        for (TSNode child : tree.childNodes(node)) {
            visit(child, inner, depth + 1);
        }
    }

    private void list(TSNode node, boolean conditional, int depth) {
        // left-associative: (a && b) || c; the right side of || runs only when the left failed,
        // the right side of && only when the left succeeded, which is what a simulation assumes
        // for a docker command and cannot know for anything else (a test, a grep, ...).
        TSNode left = null;
        String op = null;
        for (TSNode c : tree.childNodes(node)) {
            String t = c.getType();
            if (t.equals("&&") || t.equals("||")) {
                op = t;
                continue;
            }
            if (!c.isNamed() || t.equals("comment")) {
                continue;
            }
            if (op == null) {
                visit(c, conditional, depth + 1);
                left = c;
            } else {
                boolean cond = conditional || op.equals("||") || !isDockerCommand(left);
                visit(c, cond, depth + 1);
                left = c;
                op = null;
            }
        }
    }

    private boolean isDockerCommand(TSNode n) {
        if (n == null || !n.getType().equals("command")) {
            return false;
        }
        TSNode name = n.getChildByFieldName("name");
        if (name == null || name.isNull()) {
            return false;
        }
        String cmd = tree.textOf(name);
        if (cmd.equals("sudo")) {
            for (TSNode a : tree.namedChildNodes(n)) {
                if (a.getType().equals("word") && DockerCli.isDockerBinary(tree.textOf(a))) {
                    return true;
                }
            }
        }
        return DockerCli.isDockerBinary(cmd);
    }

    private void declaration(TSNode node, boolean conditional, int depth) {
        List<TSNode> cs = tree.childNodes(node);
        String keyword = cs.isEmpty() ? "" : tree.textOf(cs.get(0));
        boolean local = keyword.equals("local");
        for (TSNode c : cs) {
            if (c.getType().equals("variable_assignment")) {
                assignment(c, conditional || local, depth + 1);
            } else if (c.getType().equals("variable_name")) {
                if (local) {
                    markUnknown(tree.textOf(c));
                }
            } else {
                visit(c, conditional, depth + 1);
            }
        }
    }

    private void assignment(TSNode node, boolean conditional, int depth) {
        TSNode nameNode = node.getChildByFieldName("name");
        TSNode valueNode = node.getChildByFieldName("value");
        if (valueNode != null && !valueNode.isNull()) {
            visitSubstitutions(valueNode, conditional, depth + 1);
        }
        if (nameNode == null || nameNode.isNull() || !nameNode.getType().equals("variable_name")) {
            return;
        }
        String name = tree.textOf(nameNode);
        boolean append = false;
        for (TSNode c : tree.childNodes(node)) {
            if (c.getType().equals("+=")) {
                append = true;
            }
        }
        if (conditional || append || Boolean.TRUE.equals(unknownVariables.get(name))) {
            markUnknown(name);
            return;
        }
        if (valueNode == null || valueNode.isNull()) {
            variables.put(name, "");
            return;
        }
        ShellWords.Value v = expander.expand(valueNode, true, 0);
        if (v.unknown()) {
            variables.remove(name);
        } else {
            variables.put(name, v.text());
        }
    }

    private void markUnknown(String name) {
        variables.remove(name);
        unknownVariables.put(name, true);
    }

    private void command(TSNode node, boolean conditional, int depth) {
        List<ShellWord> words = new ArrayList<>();
        for (ShellTree.Child child : tree.children(node)) {
            TSNode c = child.node();
            String t = c.getType();
            // commands inside $(...) run first
            visitSubstitutions(c, conditional, depth + 1);
            if (t.equals("command_name")) {
                List<TSNode> named = tree.namedChildNodes(c);
                TSNode inner = named.isEmpty() ? c : named.get(0);
                words.addAll(expander.arguments(inner));
            } else if (t.equals("variable_assignment") || t.endsWith("redirect") || t.equals("comment")
                    || !c.isNamed()) {
                continue;
            } else {
                String field = child.field();
                if (field == null || field.equals("argument")) {
                    words.addAll(expander.arguments(c));
                }
            }
        }
        if (!words.isEmpty()) {
            commands.add(new ShellCommand(List.copyOf(words), conditional, node.getStartByte(), node.getEndByte()));
            if (!words.get(0).unknown() && (words.get(0).value().equals("read")
                    || words.get(0).value().equals("getopts") || words.get(0).value().equals("mapfile"))) {
                for (int i = 1; i < words.size(); i++) {
                    if (!words.get(i).value().startsWith("-")) {
                        markUnknown(words.get(i).value());
                    }
                }
            }
        }
    }

    /** Walks a word for $(...) and `...` and visits the commands inside them. */
    private void visitSubstitutions(TSNode node, boolean conditional, int depth) {
        if (depth > MAX_DEPTH) {
            return; // nested too deeply to follow
        }
        String t = node.getType();
        if (t.equals("command_substitution") || t.equals("process_substitution")) {
            for (TSNode child : tree.childNodes(node)) {
                visit(child, conditional, depth + 1);
            }
            return;
        }
        if (t.equals("command") || t.equals("list") || t.equals("pipeline")) {
            return; // not inside a word
        }
        for (TSNode child : tree.childNodes(node)) {
            visitSubstitutions(child, conditional, depth + 1);
        }
    }
}
