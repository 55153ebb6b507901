package lab.core.random;

import java.util.Random;

/** Seeded orders of samples, the same on every run for the same generator state. */
public final class Permutations {
    private Permutations() {
    }

    /** 0, 1, ..., n-1. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher-Yates, from the top down, as {@code Collections.shuffle} does. */
    public static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
