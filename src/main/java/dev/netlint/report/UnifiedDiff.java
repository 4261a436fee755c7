package dev.netlint.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (as {@code diff -u} prints it, 3 lines of context), for
 * {@code --fix-dry-run}. Lines are compared whole, with their line ends; the longest common
 * subsequence comes from Myers' O(ND) algorithm, so large files with few edits stay fast.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String of(String name, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<int[]> ops = script(a, b); // {kind, aIndex, bIndex}: 0 keep, 1 delete, 2 insert
        StringBuilder out = new StringBuilder();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i)[0] != 0) {
                changed.add(i);
            }
        }
        int c = 0;
        while (c < changed.size()) {
            int last = c;
            while (last + 1 < changed.size() && changed.get(last + 1) - changed.get(last) - 1 <= 2 * CONTEXT) {
                last++;
            }
            int from = Math.max(0, changed.get(c) - CONTEXT);
            int to = Math.min(ops.size(), changed.get(last) + CONTEXT + 1);
            if (out.length() == 0) {
                out.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
            }
            hunk(out, ops.subList(from, to), a, b);
            c = last + 1;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<int[]> ops, List<String> a, List<String> b) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        StringBuilder body = new StringBuilder();
        for (int[] op : ops) {
            if (aStart < 0) {
                aStart = op[1];
                bStart = op[2];
            }
            switch (op[0]) {
                case 0 -> { body.append(' ').append(line(a.get(op[1]))); aCount++; bCount++; }
                case 1 -> { body.append('-').append(line(a.get(op[1]))); aCount++; }
                default -> { body.append('+').append(line(b.get(op[2]))); bCount++; }
            }
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n")
                .append(body);
    }

    private static String range(int start, int count) {
        int first = count == 0 ? start : start + 1;
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }

    private static String line(String l) {
        return l.endsWith("\n") ? l : l + "\n\\ No newline at end of file\n";
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    /** The edit script, in order: keep/delete/insert with the indexes of the lines they concern. */
    private static List<int[]> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        List<int[]> trace = new ArrayList<>();
        int[] v = new int[2 * max + 3];
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<int[]> ops = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = vd[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                ops.add(new int[] {0, --x, --y});
            }
            if (x == prevX) {
                ops.add(new int[] {2, x, --y});
            } else {
                ops.add(new int[] {1, --x, y});
            }
        }
        while (x > 0 && y > 0) {
            ops.add(new int[] {0, --x, --y});
        }
        java.util.Collections.reverse(ops);
        return ops;
    }
}
